// Shapes of the services' answers the pages read (the generated OpenAPI types describe requests; many
// answers are documented loosely, so the pages name the fields they use here).
export interface DossierListItem {
  dossierId: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  type: string;
  typeLabel?: string;
  title: string;
  applicantKind: string;
  authors: string[];
  nominatingUnitId: string;
  status: string;
  statusLabel?: string;
  level: string | null;
  jurisdictionUnitId: string | null;
  receivingAgencyUnitId: string | null;
  lastReason: string | null;
  updatedAt: string;
}

export interface HistoryEntry {
  version: number;
  type: string;
  at: string;
  actorId: string;
  actorName?: string;
  role: string;
  unitId: string;
  reason?: string;
  level?: string;
  jurisdictionUnitId?: string;
}

export interface DossierContent {
  dossierId: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  type: string;
  title: string;
  summary: string;
  applicantKind: string;
  authors: Array<{ name: string; personId?: string; role?: string }>;
  owners: Array<{ name: string; share?: number }>;
  attachments?: Array<{ name: string; sha256: string; size: number; contentType: string }>;
  nominatingUnitId: string;
}

export interface DossierDetail extends Omit<DossierListItem, 'authors'> {
  dossier: DossierContent;
  version: number;
  history: HistoryEntry[];
}

export interface LineageStep {
  level: string;
  jurisdictionUnitId: string;
  arrivedBy: 'submission' | 'forwarding';
  arrivedAt: string;
  receivedAt?: string;
  returnedAt?: string;
  forwardedAt?: string;
  decisionRef?: string;
  /** Appeals against this level's council result. */
  appeals?: Array<{ appealId: string; filedAt: string; contestedGradeLabel: string; outcomeLabel?: string; reopenedScoring?: boolean }>;
}

export interface Lineage {
  dossierId: string;
  origin: { nominatingUnitId: string };
  up: LineageStep[];
  down?: LineageStep[];
}

export interface Campaign {
  campaignId: string;
  campaign: { campaignId: string; name: string; launchedByUnitId: string; planNumber: string; planDate: string; level: string };
  editions: Record<string, Array<{ code: string; name: string; opensOn: string; closesOn: string }>>;
  fields: Record<string, { fieldCode: string; name: string }>;
  agencies: Array<{ fieldCode: string; level: string; jurisdictionUnitId: string; agencyUnitId: string }>;
  deadlines: Array<{ year: number; level: string; jurisdictionUnitId?: string; deadline: string }>;
}
