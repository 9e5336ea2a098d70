import type { AdministrativeLevel, CaseDossierSnapshot } from '@cem/contracts';

/**
 * The facts of `submissions.DossierReceived` (v1) this context reads. Declared here rather than imported so
 * that the domain depends on what it uses, not on the publisher's class.
 */
export interface DossierReceivedFacts {
  dossierId: string;
  level: AdministrativeLevel;
  receivingAgencyUnitId: string;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  receivedAt: string;
  dossier: CaseDossierSnapshot;
}

/** One case per dossier per level, so a re-delivered DossierReceived lands on the same stream. */
export const caseIdOf = (dossierId: string, level: AdministrativeLevel) => `${dossierId}@${level}`;
