import type { ServiceDefinition } from '@cem/service-kit';
import { SUBMISSIONS_SERVICE } from '../../services/submissions/src/submissions.service';
import { COUNCILS_SERVICE } from '../../services/councils/src/councils.service';
import { RECOGNITION_SERVICE } from '../../services/recognition/src/recognition.service';
import { REPORTING_SERVICE } from '../../services/reporting/src/reporting.service';

/** The four services with their default ports (the same in the embedded and the distributed mode). */
export const PLATFORM_SERVICES: Array<{ definition: ServiceDefinition; port: number }> = [
  { definition: SUBMISSIONS_SERVICE, port: 3001 },
  { definition: COUNCILS_SERVICE, port: 3002 },
  { definition: RECOGNITION_SERVICE, port: 3003 },
  { definition: REPORTING_SERVICE, port: 3004 },
];
