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

/** Official documents issued as PDF: the award decision and each recipient's certificate. */
export const DOCUMENT_KINDS = ['award-decision', 'certificate'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Giấy khen, Bằng khen, or the award's Giấy chứng nhận (from the catalogue entry's name). */
export const CERTIFICATE_KINDS = ['giay-khen', 'bang-khen', 'giay-chung-nhan'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_KIND_LABELS_VI: Record<CertificateKind, string> = {
  'giay-khen': 'Giấy khen',
  'bang-khen': 'Bằng khen',
  'giay-chung-nhan': 'Giấy chứng nhận',
};

export const DOCUMENT_KIND_LABELS_VI: Record<DocumentKind, string> = {
  'award-decision': 'Quyết định khen thưởng',
  certificate: 'Giấy chứng nhận, Giấy khen, Bằng khen',
};
