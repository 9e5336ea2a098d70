import { defineEvent, EventContract } from '../event-contract';
import {
  AppealRulesSetData,
  CampaignLaunchedData,
  EditionOpenedData,
  FieldAddedData,
  ReceivingAgencyAssignedData,
  SubmissionDeadlineSetData,
} from './campaign.events';
import {
  DossierAmendedData,
  DossierDraftedData,
  DossierForwardedData,
  DossierReceivedData,
  DossierReturnedData,
  DossierSubmittedData,
  DossierWithdrawnData,
  ForwardingOverrideDecidedData,
} from './dossier.events';
import { ClusterFormedData, MandateGrantedData, MandateRevokedData, UnitRegisteredData } from './unit.events';

export const SUBMISSIONS_CONTEXT = 'submissions';

export const SUBMISSIONS_EVENTS = {
  UnitRegistered: 'submissions.UnitRegistered',
  ClusterFormed: 'submissions.ClusterFormed',
  CampaignLaunched: 'submissions.CampaignLaunched',
  EditionOpened: 'submissions.EditionOpened',
  FieldAdded: 'submissions.FieldAdded',
  ReceivingAgencyAssigned: 'submissions.ReceivingAgencyAssigned',
  SubmissionDeadlineSet: 'submissions.SubmissionDeadlineSet',
  AppealRulesSet: 'submissions.AppealRulesSet',
  DossierDrafted: 'submissions.DossierDrafted',
  DossierSubmitted: 'submissions.DossierSubmitted',
  DossierReceived: 'submissions.DossierReceived',
  DossierReturned: 'submissions.DossierReturned',
  DossierAmended: 'submissions.DossierAmended',
  DossierWithdrawn: 'submissions.DossierWithdrawn',
  DossierForwarded: 'submissions.DossierForwarded',
  ForwardingOverrideDecided: 'submissions.ForwardingOverrideDecided',
  MandateGranted: 'submissions.MandateGranted',
  MandateRevoked: 'submissions.MandateRevoked',
} as const;

const E = SUBMISSIONS_EVENTS;

/** Event type -> data, so deciders and projections get typed events without restating the pairs. */
export interface SubmissionsEventDataMap {
  [E.UnitRegistered]: UnitRegisteredData;
  [E.ClusterFormed]: ClusterFormedData;
  [E.CampaignLaunched]: CampaignLaunchedData;
  [E.EditionOpened]: EditionOpenedData;
  [E.FieldAdded]: FieldAddedData;
  [E.ReceivingAgencyAssigned]: ReceivingAgencyAssignedData;
  [E.SubmissionDeadlineSet]: SubmissionDeadlineSetData;
  [E.AppealRulesSet]: AppealRulesSetData;
  [E.DossierDrafted]: DossierDraftedData;
  [E.DossierSubmitted]: DossierSubmittedData;
  [E.DossierReceived]: DossierReceivedData;
  [E.DossierReturned]: DossierReturnedData;
  [E.DossierAmended]: DossierAmendedData;
  [E.DossierWithdrawn]: DossierWithdrawnData;
  [E.DossierForwarded]: DossierForwardedData;
  [E.ForwardingOverrideDecided]: ForwardingOverrideDecidedData;
  [E.MandateGranted]: MandateGrantedData;
  [E.MandateRevoked]: MandateRevokedData;
}
export type SubmissionsEventType = keyof SubmissionsEventDataMap;

/** A discriminated union of the given submissions event types: `{ type, data }` pairs. */
export type SubmissionsEvent<K extends SubmissionsEventType = SubmissionsEventType> = {
  [T in K]: { type: T; data: SubmissionsEventDataMap[T] };
}[K];

const v1 = <T>(type: string, dataClass: new () => T, description: string) =>
  defineEvent(SUBMISSIONS_CONTEXT, type, 1, dataClass, description);

export const SUBMISSIONS_CONTRACTS: EventContract[] = [
  v1(E.UnitRegistered, UnitRegisteredData, 'A unit (đơn vị) joined the administrative tree'),
  v1(E.ClusterFormed, ClusterFormedData, 'An emulation cluster or block (cụm, khối thi đua) formed'),
  v1(E.CampaignLaunched, CampaignLaunchedData, 'A movement (phong trào thi đua) launched under a plan'),
  v1(E.EditionOpened, EditionOpenedData, 'A yearly edition of a campaign opened with its phases'),
  v1(E.FieldAdded, FieldAddedData, 'An award field (lĩnh vực) added to a campaign'),
  v1(E.ReceivingAgencyAssigned, ReceivingAgencyAssignedData, "A field's receiving agency at a level"),
  v1(E.SubmissionDeadlineSet, SubmissionDeadlineSetData, 'Submission deadline of a level for a year'),
  v1(E.AppealRulesSet, AppealRulesSetData, "The campaign's appeal window and which council decides appeals"),
  v1(E.DossierDrafted, DossierDraftedData, 'A dossier (hồ sơ) drafted by its nominating unit'),
  v1(E.DossierSubmitted, DossierSubmittedData, 'A dossier lodged with a level'),
  v1(E.DossierReceived, DossierReceivedData, 'A dossier received by the field agency; carries its facts'),
  v1(E.DossierReturned, DossierReturnedData, 'A dossier returned to its unit (hồ sơ bị trả lại)'),
  v1(E.DossierAmended, DossierAmendedData, 'A returned dossier amended'),
  v1(E.DossierWithdrawn, DossierWithdrawnData, 'A dossier withdrawn by its unit'),
  v1(E.DossierForwarded, DossierForwardedData, 'A dossier registered with the next level up'),
  v1(
    E.ForwardingOverrideDecided,
    ForwardingOverrideDecidedData,
    'The competent authority decided a dossier goes up without a council recommendation',
  ),
  v1(E.MandateGranted, MandateGrantedData, 'A unit acts for a jurisdiction in a role by a decision (mandate)'),
  v1(E.MandateRevoked, MandateRevokedData, 'A mandate ends from a date'),
];
