/** Closed vocabularies of the submissions context, with the words users see. */

export const UNIT_KINDS = [
  'people-committee',
  'department',
  'front-committee',
  'socio-political-organisation',
  'association',
  'public-service-unit',
  'school',
  'enterprise',
  'cooperative',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS_VI: Record<UnitKind, string> = {
  'people-committee': 'Ủy ban nhân dân',
  department: 'Sở/Phòng',
  'front-committee': 'Ủy ban MTTQ',
  'socio-political-organisation': 'Tổ chức chính trị - xã hội',
  association: 'Hội/Liên hiệp hội',
  'public-service-unit': 'Đơn vị sự nghiệp',
  school: 'Trường học',
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  other: 'Khác',
};

/** Cụm thi đua groups units by place, khối thi đua by line of work. */
export const CLUSTER_KINDS = ['cluster', 'block'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export const CLUSTER_KIND_LABELS_VI: Record<ClusterKind, string> = {
  cluster: 'Cụm thi đua',
  block: 'Khối thi đua',
};

export const DOSSIER_TYPES = ['research-work', 'solution', 'artwork', 'service', 'model', 'initiative', 'invention', 'new-idea'] as const;
export type DossierType = (typeof DOSSIER_TYPES)[number];

export const DOSSIER_TYPE_LABELS_VI: Record<DossierType, string> = {
  'research-work': 'Công trình nghiên cứu',
  solution: 'Giải pháp',
  artwork: 'Tác phẩm',
  service: 'Dịch vụ',
  model: 'Mô hình',
  initiative: 'Sáng kiến',
  invention: 'Sáng chế',
  'new-idea': 'Ý tưởng mới',
};

export const APPLICANT_KINDS = ['individual', 'collective'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const APPLICANT_KIND_LABELS_VI: Record<ApplicantKind, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
};

/**
 * Why a dossier moved up: the field agency's appraisal (thẩm định, then the committee registers it with the
 * next level) or a council's recommendation (councils.DossierRecommendedUpward).
 */
/**
 * Why a dossier went up: 'council-recommendation' (recorded by the platform on the council's decision),
 * 'authority-override' (forwarded by the agency after the competent authority's recorded override decision);
 * 'agency-appraisal' is kept for events recorded before forwarding required either.
 */
export const FORWARDING_BASES = ['agency-appraisal', 'council-recommendation', 'authority-override'] as const;
export type ForwardingBasis = (typeof FORWARDING_BASES)[number];
