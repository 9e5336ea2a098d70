import type { Role } from './administrative';

/**
 * The groups of roles that act alike, in one place for the services' access policies and deciders, the portal's
 * areas and the access-matrix test (docs/security.md). Pure data: the portal imports this file directly.
 */

/** Who launches a campaign and runs its editions (fields, receiving agencies, deadlines, appeal rules). */
export const CAMPAIGN_ROLES: readonly Role[] = ['admin', 'authority', 'emulation-board', 'unit-officer', 'front-chair'];

/** Who drafts, submits, amends and withdraws a dossier for their unit. */
export const NOMINATING_ROLES: readonly Role[] = ['unit-officer', 'submitter'];

/** Who sits on a council and scores (and declares conflicts of interest). */
export const SCORING_ROLES: readonly Role[] = ['council-member', 'council-chair', 'council-secretary', 'expert'];

/**
 * Who handles the dossiers lodged with a level (receive, appraise, verify, decide, aggregate). A submitter or a
 * unit officer sees only their own unit's dossiers and those they author.
 */
export const DOSSIER_HANDLING_ROLES: readonly Role[] = [
  'agency-officer',
  'front-chair',
  'council-chair',
  'council-secretary',
  'council-member',
  'expert',
  'emulation-board',
  'authority',
  'standing-body',
  'admin',
];

/** Who submits a periodic report for their unit. */
export const REPORTING_ROLES: readonly Role[] = ['unit-officer', 'agency-officer', 'standing-body'];

/** Who reads the award history: the officers who check eligibility, and the auditor. */
export const AWARD_HISTORY_READERS: readonly Role[] = [
  'unit-officer',
  'agency-officer',
  'council-chair',
  'council-secretary',
  'emulation-board',
  'authority',
  'standing-body',
  'auditor',
  'admin',
];
