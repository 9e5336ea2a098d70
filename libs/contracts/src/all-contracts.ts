import type { EventContract } from './event-contract';
import { SUBMISSIONS_CONTRACTS } from './submissions';
import { COUNCILS_CONTRACTS } from './councils';
import { RECOGNITION_CONTRACTS } from './recognition';
import { REPORTING_CONTRACTS } from './reporting';

/** Every published event contract: each service validates what it records and what it consumes against it. */
export const ALL_CONTRACTS: EventContract[] = [
  ...SUBMISSIONS_CONTRACTS,
  ...COUNCILS_CONTRACTS,
  ...RECOGNITION_CONTRACTS,
  ...REPORTING_CONTRACTS,
];
