/** Value sets of the recognition context, shared with consumers so they read them the same way. */

/** Who can receive an award: people, collectives, and units that implemented the movement well. */
export const RECIPIENT_KINDS = ['individual', 'collective', 'unit'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const RECIPIENT_KIND_LABELS_VI: Record<RecipientKind, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  unit: 'Đơn vị',
};

/** Where a proposal came from: a council's honour proposal or a standing body's unit commendation. */
export const PROPOSAL_ORIGINS = ['council', 'commendation'] as const;
export type ProposalOrigin = (typeof PROPOSAL_ORIGINS)[number];

/** A decision number as printed on the decision, e.g. '1234/QĐ-UBND'. */
export const DECISION_NUMBER_PATTERN = /^\d+\/\S+$/;
