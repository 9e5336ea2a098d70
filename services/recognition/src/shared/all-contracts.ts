import { COUNCILS_CONTRACTS, EventContract, RECOGNITION_CONTRACTS, REPORTING_CONTRACTS, SUBMISSIONS_CONTRACTS } from '@cem/contracts';

/** Every context's contracts: the consumer validates incoming events and the relay outgoing ones against the same list. */
export const ALL_CONTRACTS: EventContract[] = [...SUBMISSIONS_CONTRACTS, ...COUNCILS_CONTRACTS, ...RECOGNITION_CONTRACTS, ...REPORTING_CONTRACTS];
