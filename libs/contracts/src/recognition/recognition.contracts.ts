import { defineEvent, EventContract } from '../event-contract';
import {
  AchievementsVerifiedData,
  AwardDecidedData,
  AwardDefinedData,
  AwardIssuedData,
  AwardRevokedData,
  CommendationProposedData,
  DocumentIssuedData,
  ProposalReceivedData,
  ProposalResubmittedData,
  ProposalSentBackData,
} from './recognition.events';

export const RECOGNITION_CONTEXT = 'recognition';

export const RECOGNITION_EVENTS = {
  AwardDefined: 'recognition.AwardDefined',
  ProposalReceived: 'recognition.ProposalReceived',
  CommendationProposed: 'recognition.CommendationProposed',
  AchievementsVerified: 'recognition.AchievementsVerified',
  ProposalSentBack: 'recognition.ProposalSentBack',
  ProposalResubmitted: 'recognition.ProposalResubmitted',
  AwardDecided: 'recognition.AwardDecided',
  AwardIssued: 'recognition.AwardIssued',
  AwardRevoked: 'recognition.AwardRevoked',
  DocumentIssued: 'recognition.DocumentIssued',
} as const;

const E = RECOGNITION_EVENTS;
const v1 = <T>(type: string, dataClass: new () => T, description: string) =>
  defineEvent(RECOGNITION_CONTEXT, type, 1, dataClass, description);

export const RECOGNITION_CONTRACTS: EventContract[] = [
  v1(E.AwardDefined, AwardDefinedData, 'An award or commendation form entered in the catalogue'),
  v1(E.ProposalReceived, ProposalReceivedData, "A council's honour proposal received for verification"),
  v1(E.CommendationProposed, CommendationProposedData, 'A standing body proposes commending a unit'),
  v1(E.AchievementsVerified, AchievementsVerifiedData, 'The Emulation and Reward Board verified the achievements'),
  v1(E.ProposalSentBack, ProposalSentBackData, 'The Emulation and Reward Board sent the proposal back, with a reason'),
  v1(E.ProposalResubmitted, ProposalResubmittedData, 'A sent-back proposal submitted again'),
  v1(E.AwardDecided, AwardDecidedData, 'The competent authority decided the award (number, date, signer)'),
  v1(E.AwardIssued, AwardIssuedData, 'The award handed over at the honouring ceremony'),
  v1(E.AwardRevoked, AwardRevokedData, 'The award withdrawn by a later decision'),
  v1(E.DocumentIssued, DocumentIssuedData, 'An official document (award decision or certificate) issued as PDF, with its SHA-256'),
];
