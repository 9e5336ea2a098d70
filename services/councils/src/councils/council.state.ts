import type {
  AdministrativeLevel,
  CampaignEditionRef,
  CouncilEditionAddedData,
  CouncilDecisionRef,
  CouncilEstablishedData,
  CouncilRegulations,
  DomainEvent,
  MemberAddedData,
  MemberRemovedData,
  MemberReplacedData,
  RegulationsAmendedData,
} from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { applyMembershipEvent, MembershipHistory, Tenure, tenureOf } from './composition';

export type CouncilEvent =
  | DomainEvent<typeof E.CouncilEstablished, CouncilEstablishedData>
  | DomainEvent<typeof E.MemberAdded, MemberAddedData>
  | DomainEvent<typeof E.MemberReplaced, MemberReplacedData>
  | DomainEvent<typeof E.MemberRemoved, MemberRemovedData>
  | DomainEvent<typeof E.RegulationsAmended, RegulationsAmendedData>
  | DomainEvent<typeof E.CouncilEditionAdded, CouncilEditionAddedData>;

export const COUNCIL_EVENT_TYPES: string[] = [
  E.CouncilEstablished,
  E.MemberAdded,
  E.MemberReplaced,
  E.MemberRemoved,
  E.RegulationsAmended,
  E.CouncilEditionAdded,
];

export interface EstablishedCouncil extends MembershipHistory {
  status: 'established';
  councilId: string;
  name: string;
  level: AdministrativeLevel;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  fieldCodes: string[];
  /** The campaign editions it appraises; undefined only for councils recorded before editions were stated (any). */
  editions?: CampaignEditionRef[];
  standing: boolean;
  decision: CouncilDecisionRef;
  regulations: CouncilRegulations;
  /** Every version of the quy chế with the day it took effect, oldest first. */
  regulationsHistory: { regulations: CouncilRegulations; effectiveFrom: string; reason?: string }[];
  tenures: Tenure[];
}

export type CouncilState = { status: 'none' } | EstablishedCouncil;

export const initialCouncilState = (): CouncilState => ({ status: 'none' });

/** The council record after an event; the composition read model folds the same function. */
export function evolveCouncil(state: CouncilState, event: DomainEvent): CouncilState {
  if (event.type === E.CouncilEstablished) {
    const d = event.data as CouncilEstablishedData;
    return {
      status: 'established',
      councilId: d.councilId,
      name: d.name,
      level: d.level,
      jurisdictionUnitId: d.jurisdictionUnitId,
      jurisdictionUnitPath: d.jurisdictionUnitPath,
      fieldCodes: d.fieldCodes,
      ...(d.editions ? { editions: d.editions } : {}),
      standing: d.standing ?? false,
      decision: d.decision,
      regulations: d.regulations,
      regulationsHistory: [{ regulations: d.regulations, effectiveFrom: d.decision.date }],
      tenures: d.members.map(tenureOf),
    };
  }
  if (state.status !== 'established') return state;
  if (event.type === E.RegulationsAmended) {
    const d = event.data as RegulationsAmendedData;
    return {
      ...state,
      regulations: d.regulations,
      regulationsHistory: [...state.regulationsHistory, { regulations: d.regulations, effectiveFrom: d.effectiveFrom, reason: d.reason }],
    };
  }
  if (event.type === E.CouncilEditionAdded) {
    const d = event.data as CouncilEditionAddedData;
    return { ...state, editions: [...(state.editions ?? []), d.edition] };
  }
  return { ...state, tenures: applyMembershipEvent(state.tenures, event) };
}

/** Whether the council appraises a campaign edition (a council recorded without editions serves any). */
export const servesEdition = (council: Pick<EstablishedCouncil, 'editions'>, campaignId: string, year: number): boolean =>
  !council.editions || council.editions.some((e) => e.campaignId === campaignId && e.year === year);

/** The quy chế in force on a date (a meeting is held under the rules of its day). */
export function regulationsOn(council: EstablishedCouncil, date: string): CouncilRegulations {
  const day = date.slice(0, 10);
  const inForce = council.regulationsHistory.filter((r) => r.effectiveFrom.slice(0, 10) <= day);
  return (inForce[inForce.length - 1] ?? council.regulationsHistory[0]).regulations;
}
