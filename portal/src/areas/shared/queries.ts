import { useQuery } from '@tanstack/react-query';
import { api, data, raw } from '../../api/client';
import { itemsOf } from '../../lib/ui';
import { fieldNamesOf } from '../../lib/labels';
import type { Campaign, DossierDetail, DossierListItem, Lineage } from './types';

export interface DossierFilter {
  q?: string;
  status?: string;
  campaignId?: string;
  fieldCode?: string;
  level?: string;
  year?: number;
  limit?: number;
  skip?: number;
}

export function useDossiers(filter: DossierFilter) {
  return useQuery({
    queryKey: ['dossiers', filter],
    queryFn: async () => itemsOf<DossierListItem>(await data(api.submissions.GET('/dossiers', { params: { query: filter } } as never))),
    placeholderData: (previous) => previous,
  });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: ['dossier', id],
    enabled: Boolean(id),
    queryFn: async () => data<DossierDetail>(api.submissions.GET('/dossiers/{id}', { params: { path: { id: id! } } } as never)),
  });
}

export function useLineage(id: string | undefined) {
  return useQuery({
    queryKey: ['dossier', id, 'lineage'],
    enabled: Boolean(id),
    queryFn: async () => (await (await raw('submissions', `/dossiers/${encodeURIComponent(id!)}/lineage`)).json()) as Lineage | null,
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns'],
    queryFn: async () => itemsOf<Campaign>(await data(api.submissions.GET('/campaigns', {} as never))),
    staleTime: 60_000,
  });
}

const UNIT_PAGE = 500;

export function useUnitNames() {
  return useQuery({
    queryKey: ['units'],
    staleTime: Infinity,
    queryFn: async () => {
      // The API pages every list (at most 500 a page): read pages until a short one.
      const units: { unitId?: string; _id?: string; name: string }[] = [];
      for (let skip = 0; ; skip += UNIT_PAGE) {
        const page = itemsOf<{ unitId?: string; _id?: string; name: string }>(
          await data(api.submissions.GET('/units', { params: { query: { limit: UNIT_PAGE, skip } } } as never)),
        );
        units.push(...page);
        if (page.length < UNIT_PAGE) break;
      }
      return new Map(units.map((u) => [u.unitId ?? u._id ?? '', u.name]));
    },
  });
}

/**
 * A field's Vietnamese name ("Khoa học - Công nghệ" for khcn): fields are named by the campaigns that open them
 * (GET /campaigns), so the name comes from there; the code shows only while the list is loading or unknown.
 */
export function useFieldName(): (fieldCode: string | null | undefined) => string {
  const names = fieldNamesOf(useCampaigns().data ?? []);
  return (fieldCode) => (fieldCode ? (names.get(fieldCode) ?? fieldCode) : '—');
}

/** A campaign's name when the list knows it, else its id. */
export function useCampaignName(): (campaignId: string | null | undefined) => string {
  const campaigns = useCampaigns();
  return (campaignId) => (campaignId ? (campaigns.data?.find((c) => c.campaignId === campaignId)?.campaign.name ?? campaignId) : '—');
}

/** A unit's name when the list knows it, else its id. */
export function useUnitName(): (unitId: string | null | undefined) => string {
  const names = useUnitNames();
  return (unitId) => (unitId ? (names.data?.get(unitId) ?? unitId) : '—');
}

/** The command endpoints answer JSON; callers invalidate what changed. */
export async function post(
  context: 'submissions' | 'councils' | 'recognition' | 'reporting',
  path: string,
  body: unknown = {},
): Promise<unknown> {
  const res = await raw(context, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function getJson<T>(context: 'submissions' | 'councils' | 'recognition' | 'reporting', path: string): Promise<T> {
  return (await (await raw(context, path)).json()) as T;
}
