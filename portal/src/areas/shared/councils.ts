import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/generated/councils';
import { getSession } from '../../auth/session';
import { getJson } from './queries';
import type { DossierListItem } from './types';

/** A case as the council's list shows it (GET /cases); older services lack it, see useCouncilCases. */
export interface CouncilCase {
  caseId: string;
  dossierId: string;
  councilId?: string;
  level: string;
  jurisdictionUnitId: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  title: string;
  authors: Array<{ name: string }>;
  nominatingUnitId: string;
  receivedAt: string;
  status: string;
  statusLabel?: string;
  assignedMemberIds: string[];
  aggregateScore?: number;
  grade?: string;
  gradeLabel?: string;
  accepted?: boolean;
  recommendedUpward: boolean;
  honourProposed: boolean;
  appeals?: number;
  reopened?: boolean;
  waiting?: { reasonText: string };
}

/** A row of a member's queue (GET /members/:id/queue), as the councils API documents it. */
export type QueueItem = components['schemas']['WorkItemResponse'];

export interface Criterion {
  code: string;
  name: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface CriteriaSet {
  criteriaSetId: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  draftVersion?: number;
  current?: {
    version: number;
    criteria: Criterion[];
    bands: Array<{ grade: string; label: string; minScore: number }>;
    publishedAt: string;
  };
  inForceVersion?: number;
  publishedVersions: number[];
}

export interface ScoreRecord {
  memberId: string;
  total: number;
  criteriaVersion: number;
  scores: Array<{ criterionCode: string; value: number; comment?: string }>;
  submittedAt: string;
}

export interface Composition {
  councilId: string;
  name: string;
  level: string;
  jurisdictionUnitId: string;
  fieldCodes: string[];
  decision: { number: string; date: string; signedBy: string };
  regulations: { quorum: number };
  on: string;
  members: Array<{ memberId: string; personName: string; agencyName: string; role: string; effectiveFrom: string }>;
  tenures: Array<{ memberId: string; personName?: string; from: string; until?: string; reason?: string; role?: string }>;
}

export const caseStatusLabel: Record<string, string> = {
  'awaiting-council': 'Chờ xác định Hội đồng',
  open: 'Đang thẩm định',
  assigned: 'Đã phân công',
  scoring: 'Đang chấm điểm',
  finalised: 'Đã chốt kết quả',
  'under-appeal': 'Đang giải quyết kiến nghị',
};

/** The council's cases: GET /cases; before that endpoint existed, the dossiers received at my level. */
export function useCouncilCases() {
  return useQuery({
    queryKey: ['council-cases'],
    queryFn: async (): Promise<CouncilCase[]> => {
      try {
        return await getJson<CouncilCase[]>('councils', '/cases');
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
      }
      const level = getSession()?.user.level ?? 'province';
      const received = await getJson<DossierListItem[]>('submissions', `/dossiers?status=received&level=${level}&limit=200`);
      // Members of the council (chair, secretary) learn each assigned case's council from their own queue.
      const me = getSession()?.user.sub ?? '';
      const queue = await getJson<QueueItem[]>('councils', `/members/${encodeURIComponent(me)}/queue`).catch(() => [] as QueueItem[]);
      const councilOf = new Map(queue.map((q) => [q.caseId, q.councilId]));
      const anyCouncil = queue[0]?.councilId;
      return received.map((d) => ({
        councilId: councilOf.get(`${d.dossierId}@${level}`) ?? anyCouncil,
        caseId: `${d.dossierId}@${level}`,
        dossierId: d.dossierId,
        level,
        jurisdictionUnitId: d.jurisdictionUnitId ?? '',
        campaignId: d.campaignId,
        year: d.year,
        fieldCode: d.fieldCode,
        title: d.title,
        authors: d.authors.map((name) => ({ name })),
        nominatingUnitId: d.nominatingUnitId,
        receivedAt: d.updatedAt,
        status: 'open',
        assignedMemberIds: [],
        recommendedUpward: false,
        honourProposed: false,
      }));
    },
  });
}

export function useComposition(councilId: string | undefined, on?: string) {
  return useQuery({
    queryKey: ['composition', councilId, on],
    enabled: Boolean(councilId),
    queryFn: () => getJson<Composition>('councils', `/councils/${encodeURIComponent(councilId!)}/composition${on ? `?on=${on}` : ''}`),
  });
}

/** A member's conflict of interest on one of the council's cases (GET /councils/{councilId}/conflicts). */
export type CouncilConflict = components['schemas']['CouncilConflictResponse'];

/** The council's conflict register: its chair, secretary and auditors only (anyone else gets 404). */
export function useCouncilConflicts(councilId: string | undefined) {
  return useQuery({
    queryKey: ['council-conflicts', councilId],
    enabled: Boolean(councilId),
    retry: false,
    queryFn: () =>
      data<CouncilConflict[]>(api.councils.GET('/councils/{councilId}/conflicts', { params: { path: { councilId: councilId! } } })),
  });
}

export function useScores(caseId: string | undefined) {
  return useQuery({
    queryKey: ['scores', caseId],
    enabled: Boolean(caseId),
    queryFn: () =>
      getJson<{ caseId: string; status: string; scores: ScoreRecord[] }>('councils', `/cases/${encodeURIComponent(caseId!)}/scores`),
  });
}

export function useCriteriaSets(filter: { campaignId?: string; year?: number; fieldCode?: string } = {}) {
  const query = new URLSearchParams(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return useQuery({
    queryKey: ['criteria-sets', filter],
    queryFn: () => getJson<CriteriaSet[]>('councils', `/criteria-sets${query ? `?${query}` : ''}`),
    placeholderData: (previous) => previous,
  });
}

export const enc = encodeURIComponent;
