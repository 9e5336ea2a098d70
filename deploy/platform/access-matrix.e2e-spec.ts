import { writeFileSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import {
  Actor,
  AdministrativeLevel,
  AWARD_HISTORY_READERS,
  CAMPAIGN_ROLES,
  COUNCILS_EVENTS,
  CouncilMember,
  DOSSIER_HANDLING_ROLES,
  NOMINATING_ROLES,
  RecordedEvent,
  REPORTING_ROLES,
  Role,
  ROLES,
  SCORING_ROLES,
} from '@cem/contracts';
import { councilSeat, GRADE_BANDS, phuLyCampaignSteps, startTestPlatform, TestPlatform } from '@cem/testing';
import { COUNCILS_SERVICE } from '../../services/councils/src/councils.service';
import { caseIdOf } from '../../services/councils/src/evaluation/dossier-received';
import { RECOGNITION_SERVICE } from '../../services/recognition/src/recognition.service';
import { HonourProposedHandler } from '../../services/recognition/src/proposals/honour-proposed.handler';
import { EventEnvelope } from '@cem/messaging';
import { REPORTING_SERVICE } from '../../services/reporting/src/reporting.service';
import { SUBMISSIONS_SERVICE } from '../../services/submissions/src/submissions.service';
import { routeCatalogue } from './fuzz/route-catalogue';

/**
 * The access matrix (docs/security.md): every route of the four real apps x every role x every relation
 * between the actor's unit and the record, on the real servers. The records all belong to Phủ Lý (a district
 * of Hà Nam); the relations are where the actor's unit sits from there:
 *   own     vn-ha-nam-phu-ly                 the record's unit
 *   child   vn-ha-nam-phu-ly-lam-ha          a commune below it
 *   sibling vn-ha-nam-duy-tien               another district of the same province
 *   other   vn-hcm-binh-chanh                a district of another province
 *   higher  vn-ha-nam                        the province above it
 *   none    vn-ha-nam-bao-ha-nam             a provincial newspaper: no relation at all
 * The expected outcome of each cell is written below per route, from the rules the plans give (not read from
 * the policy code): 'ok' = the policy lets it through, 403 = refused with a Vietnamese reason, 404 = a read
 * outside the actor's scope. An allowed command is sent with an unknown extra field, so the validation pipe
 * (which runs after the access guard) answers 400 and nothing is written; allowed reads answer 200.
 */

const RELATIONS = ['own', 'child', 'sibling', 'other', 'higher', 'none'] as const;
type Rel = (typeof RELATIONS)[number];
const UNIT_OF: Record<Rel, { path: string[]; level: AdministrativeLevel }> = {
  own: { path: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'], level: 'district' },
  child: { path: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly', 'vn-ha-nam-phu-ly-lam-ha'], level: 'commune' },
  sibling: { path: ['vn', 'vn-ha-nam', 'vn-ha-nam-duy-tien'], level: 'district' },
  other: { path: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'], level: 'district' },
  higher: { path: ['vn', 'vn-ha-nam'], level: 'province' },
  none: { path: ['vn', 'vn-ha-nam', 'vn-ha-nam-bao-ha-nam'], level: 'province' },
};
const actorOf = (role: Role, rel: Rel): Actor => {
  const { path, level } = UNIT_OF[rel];
  const unitId = path[path.length - 1];
  return { id: `${role}@${unitId}`, name: `${role} ${unitId}`, role, unitId, level, unitPath: path };
};

const PHU_LY = 'vn-ha-nam-phu-ly';
const run = Math.random().toString(36).slice(2, 8);
const CAMPAIGN = `phu-ly-${run}`;
const COUNCIL = `hd-phu-ly-${run}`;
const CRITERIA = `tc-phu-ly-${run}`;
const D1 = `hs-d1-${run}`; // nominated by Phủ Lý itself, a draft
const D2 = `hs-d2-${run}`; // nominated by the commune Lâm Hạ, lodged with and received by Phủ Lý
const CASE = caseIdOf(D2, 'district');
const P1 = `honour-p1-${run}`; // received by recognition
const P2 = `honour-p2-${run}`; // verified and decided
const AWARD = `giai-phu-ly-${run}`;
const PERIOD = `bc-${run}`;
const MANDATE = `uq-${run}`;
const YEAR = 2026;

type Outcome = 'ok' | 403 | 404;
type Expect = (role: Role, rel: Rel) => Outcome;

/** The usual shape: these roles, from these relations; a wrong role is 403, a wrong relation `denied`. */
const only =
  (roles: readonly Role[] | 'any', rels: readonly Rel[] | 'any', denied: 403 | 404 = 403, extra?: Expect): Expect =>
  (role, rel) => {
    const viaExtra = extra?.(role, rel);
    if (viaExtra === 'ok') return 'ok';
    if (roles !== 'any' && !roles.includes(role)) return 403;
    return rels === 'any' || rels.includes(rel) ? 'ok' : denied;
  };
const anyone: Expect = () => 'ok';
const adminAlso =
  (e: Expect): Expect =>
  (role, rel) =>
    role === 'admin' ? 'ok' : e(role, rel);
const auditorAlso =
  (e: Expect): Expect =>
  (role, rel) =>
    role === 'auditor' ? 'ok' : e(role, rel);

// The role groups are the platform's declarations (libs/contracts role-groups.ts): this test checks that the four
// apps enforce them on every route.
/** The person whose notifications the notification routes name: Phủ Lý's unit officer (the `own` cell). */
const PERSON = actorOf('unit-officer', 'own').id;
const onlyThePerson: Expect = (role, rel) => (role === 'unit-officer' && rel === 'own' ? 'ok' : 403);

/**
 * Who may see D2: auditors; its nominating commune (child); those who handle it at Phủ Lý (own); an
 * administrator of a unit the nominating commune lies in (own, child, higher).
 */
const seesD2: Expect = (role, rel) =>
  role === 'auditor' ||
  rel === 'child' ||
  (rel === 'own' && DOSSIER_HANDLING_ROLES.includes(role)) ||
  (role === 'admin' && rel === 'higher')
    ? 'ok'
    : 404;

interface Cell {
  context: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  expect: Expect;
}

const seatIds = SCORING_ROLES.map((r) => `${r}@${PHU_LY}`);
const member = (memberId: string, role: CouncilMember['role']) =>
  councilSeat('2026-01-15', memberId, memberId, PHU_LY, 'UBND thành phố Phủ Lý', role);
const SEATS = [
  member(`council-chair@${PHU_LY}`, 'chair'),
  member(`council-secretary@${PHU_LY}`, 'secretary'),
  member(`council-member@${PHU_LY}`, 'member'),
  member(`expert@${PHU_LY}`, 'expert'),
];
const CRITERIA_LIST = [
  { code: 'tinh-moi', name: 'Tính mới', weight: 0.5, scaleMin: 0, scaleMax: 10 },
  { code: 'hieu-qua', name: 'Hiệu quả', weight: 0.5, scaleMin: 0, scaleMax: 10 },
];
const X = { unexpectedMatrixField: true };

/** Every route, with a record of Phủ Lý and the expected outcome per role and relation. */
function cells(sha256: string, documentId = 'van-ban'): Record<string, Cell> {
  const enc = encodeURIComponent;
  return {
    // --- submissions
    'POST /units/seed': { context: 'submissions', method: 'POST', path: '/units/seed', expect: only(['admin'], 'any') },
    'POST /units': { context: 'submissions', method: 'POST', path: '/units', body: X, expect: only(['admin'], 'any') },
    'GET /units': { context: 'submissions', method: 'GET', path: '/units', expect: anyone },
    'GET /units/:id': { context: 'submissions', method: 'GET', path: `/units/${PHU_LY}`, expect: anyone },
    'POST /clusters': {
      context: 'submissions',
      method: 'POST',
      path: '/clusters',
      body: { organisingUnitId: PHU_LY, ...X },
      expect: adminAlso(only(['admin', 'emulation-board', 'unit-officer'], ['own'])),
    },
    'GET /clusters': { context: 'submissions', method: 'GET', path: '/clusters', expect: anyone },
    'POST /campaigns': {
      context: 'submissions',
      method: 'POST',
      path: '/campaigns',
      body: { launchedByUnitId: PHU_LY, ...X },
      expect: adminAlso(only(CAMPAIGN_ROLES, ['own'])),
    },
    'POST /campaigns/:id/editions': {
      context: 'submissions',
      method: 'POST',
      path: `/campaigns/${CAMPAIGN}/editions`,
      body: X,
      expect: adminAlso(only(CAMPAIGN_ROLES, ['own'])),
    },
    'POST /campaigns/:id/fields': {
      context: 'submissions',
      method: 'POST',
      path: `/campaigns/${CAMPAIGN}/fields`,
      body: X,
      expect: adminAlso(only(CAMPAIGN_ROLES, ['own'])),
    },
    'POST /campaigns/:id/receiving-agencies': {
      context: 'submissions',
      method: 'POST',
      path: `/campaigns/${CAMPAIGN}/receiving-agencies`,
      body: { jurisdictionUnitId: PHU_LY, ...X },
      expect: adminAlso(only(CAMPAIGN_ROLES, ['own'])),
    },
    'POST /campaigns/:id/deadlines': {
      context: 'submissions',
      method: 'POST',
      path: `/campaigns/${CAMPAIGN}/deadlines`,
      body: { jurisdictionUnitId: PHU_LY, ...X },
      expect: adminAlso(only(CAMPAIGN_ROLES, ['own'])),
    },
    'POST /campaigns/:id/appeal-rules': {
      context: 'submissions',
      method: 'POST',
      path: `/campaigns/${CAMPAIGN}/appeal-rules`,
      body: X,
      expect: adminAlso(only(CAMPAIGN_ROLES, ['own'])),
    },
    'GET /campaigns': { context: 'submissions', method: 'GET', path: '/campaigns', expect: anyone },
    'GET /campaigns/:id': { context: 'submissions', method: 'GET', path: `/campaigns/${CAMPAIGN}`, expect: anyone },
    // A commune of another province may not lodge in Phủ Lý's campaign; its own communes may.
    'POST /dossiers': {
      context: 'submissions',
      method: 'POST',
      path: '/dossiers',
      body: { campaignId: CAMPAIGN, ...X },
      expect: only(NOMINATING_ROLES, ['own', 'child']),
    },
    'POST /dossiers/:id/submit': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D1}/submit`,
      body: X,
      expect: only(NOMINATING_ROLES, ['own']),
    },
    'POST /dossiers/:id/amend': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D1}/amend`,
      body: X,
      expect: only(NOMINATING_ROLES, ['own']),
    },
    'POST /dossiers/:id/withdraw': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D1}/withdraw`,
      body: X,
      expect: only(NOMINATING_ROLES, ['own']),
    },
    'POST /dossiers/:id/receive': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D2}/receive`,
      expect: only(['agency-officer'], ['own']),
    },
    'POST /dossiers/:id/return': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D2}/return`,
      body: X,
      expect: only(['agency-officer'], ['own']),
    },
    'POST /dossiers/:id/forward': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D2}/forward`,
      body: X,
      expect: only(['agency-officer'], ['own']),
    },
    'POST /dossiers/:id/forwarding-override': {
      context: 'submissions',
      method: 'POST',
      path: `/dossiers/${D2}/forwarding-override`,
      body: X,
      expect: only(['authority'], ['own']),
    },
    'GET /dossiers': { context: 'submissions', method: 'GET', path: '/dossiers', expect: anyone },
    'GET /dossier-imports/template': { context: 'submissions', method: 'GET', path: '/dossier-imports/template', expect: anyone },
    // Importing a list is drafting many: units in the campaign's area (the multipart file missing here: 400).
    'POST /dossier-imports': {
      context: 'submissions',
      method: 'POST',
      path: '/dossier-imports',
      query: { campaignId: CAMPAIGN, year: String(YEAR) },
      expect: only(NOMINATING_ROLES, ['own', 'child']),
    },
    'GET /dossiers/lineage/reached': {
      context: 'submissions',
      method: 'GET',
      path: '/dossiers/lineage/reached',
      query: { level: 'district', jurisdictionUnitId: PHU_LY },
      expect: anyone,
    },
    'GET /dossiers/:id': { context: 'submissions', method: 'GET', path: `/dossiers/${D2}`, expect: seesD2 },
    'GET /dossiers/:id/lineage': { context: 'submissions', method: 'GET', path: `/dossiers/${D2}/lineage`, expect: seesD2 },
    'POST /attachments': {
      context: 'submissions',
      method: 'POST',
      path: '/attachments',
      body: X,
      expect: only(['submitter', 'unit-officer', 'admin'], 'any'),
    },
    'GET /attachments/:sha256': { context: 'submissions', method: 'GET', path: `/attachments/${sha256}`, expect: seesD2 },
    'POST /mandates': {
      context: 'submissions',
      method: 'POST',
      path: '/mandates',
      body: { jurisdictionUnitId: PHU_LY, ...X },
      expect: adminAlso(only(['authority', 'admin'], ['own'])),
    },
    'POST /mandates/:id/revoke': {
      context: 'submissions',
      method: 'POST',
      path: `/mandates/${MANDATE}/revoke`,
      body: X,
      expect: adminAlso(only(['authority', 'admin'], ['own'])),
    },
    'GET /mandates': { context: 'submissions', method: 'GET', path: '/mandates', expect: anyone },
    // --- councils
    'POST /councils': {
      context: 'councils',
      method: 'POST',
      path: '/councils',
      body: { jurisdictionUnitId: PHU_LY, ...X },
      expect: only(['front-chair'], ['own']),
    },
    'POST /councils/:id/members': {
      context: 'councils',
      method: 'POST',
      path: `/councils/${COUNCIL}/members`,
      body: X,
      expect: only(['front-chair'], ['own']),
    },
    'POST /councils/:id/members/:memberId/replace': {
      context: 'councils',
      method: 'POST',
      path: `/councils/${COUNCIL}/members/${enc(seatIds[2])}/replace`,
      body: X,
      expect: only(['front-chair'], ['own']),
    },
    'POST /councils/:id/members/:memberId/remove': {
      context: 'councils',
      method: 'POST',
      path: `/councils/${COUNCIL}/members/${enc(seatIds[2])}/remove`,
      body: X,
      expect: only(['front-chair'], ['own']),
    },
    'POST /councils/:id/editions': {
      context: 'councils',
      method: 'POST',
      path: `/councils/${COUNCIL}/editions`,
      body: X,
      expect: only(['front-chair'], ['own']),
    },
    'POST /councils/:id/regulations': {
      context: 'councils',
      method: 'POST',
      path: `/councils/${COUNCIL}/regulations`,
      body: X,
      expect: only(['front-chair'], ['own']),
    },
    'GET /councils/:id/composition': { context: 'councils', method: 'GET', path: `/councils/${COUNCIL}/composition`, expect: anyone },
    // Criteria belong to a council: its chair and secretary (by seat) or the Front chair of its unit.
    'POST /criteria-sets': {
      context: 'councils',
      method: 'POST',
      path: '/criteria-sets',
      body: { councilId: COUNCIL, ...X },
      expect: only(['front-chair', 'council-chair', 'council-secretary'], ['own']),
    },
    'POST /criteria-sets/:id/publish': {
      context: 'councils',
      method: 'POST',
      path: `/criteria-sets/${CRITERIA}/publish`,
      body: X,
      expect: only(['front-chair', 'council-chair', 'council-secretary'], ['own']),
    },
    'GET /criteria': { context: 'councils', method: 'GET', path: '/criteria', expect: anyone },
    'GET /criteria-sets': { context: 'councils', method: 'GET', path: '/criteria-sets', expect: anyone },
    'GET /cases': { context: 'councils', method: 'GET', path: '/cases', expect: anyone },
    'POST /cases/:caseId/route': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/route`,
      body: X,
      expect: only(['council-secretary', 'council-chair', 'front-chair'], ['own']),
    },
    'POST /cases/:caseId/assign': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/assign`,
      body: X,
      expect: only(['council-secretary'], ['own']),
    },
    'POST /cases/:caseId/conflicts': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/conflicts`,
      body: X,
      expect: only(SCORING_ROLES, ['own']),
    },
    // The member's own queue, or the secretary of the council the items belong to.
    'GET /members/:memberId/queue': {
      context: 'councils',
      method: 'GET',
      path: `/members/${enc(seatIds[0])}/queue`,
      expect: (role, rel) => (rel === 'own' && (role === 'council-member' || role === 'council-secretary') ? 'ok' : 404),
    },
    'POST /cases/:caseId/scores': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/scores`,
      body: X,
      expect: only(SCORING_ROLES, ['own']),
    },
    'POST /cases/:caseId/scores/revise': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/scores/revise`,
      body: X,
      expect: only(SCORING_ROLES, ['own']),
    },
    // Score sheets: the council's own members, the Front chair of its unit, auditors; nobody of another district.
    'GET /cases/:caseId/scores': {
      context: 'councils',
      method: 'GET',
      path: `/cases/${enc(CASE)}/scores`,
      expect: auditorAlso((role, rel) => (rel === 'own' && [...SCORING_ROLES, 'front-chair'].includes(role) ? 'ok' : 404)),
    },
    // The council's conflict register: its chair and secretary (by seat), auditors; anyone else: not found.
    'GET /councils/:councilId/conflicts': {
      context: 'councils',
      method: 'GET',
      path: `/councils/${COUNCIL}/conflicts`,
      expect: auditorAlso((role, rel) => (rel === 'own' && ['council-chair', 'council-secretary'].includes(role) ? 'ok' : 404)),
    },
    'POST /cases/:caseId/finalise': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/finalise`,
      body: X,
      expect: only(['council-chair', 'council-secretary'], ['own']),
    },
    'POST /rankings/publish': {
      context: 'councils',
      method: 'POST',
      path: '/rankings/publish',
      body: { councilId: COUNCIL, ...X },
      expect: only(['council-chair', 'council-secretary'], ['own']),
    },
    'GET /rankings': { context: 'councils', method: 'GET', path: '/rankings', expect: anyone },
    'POST /cases/:caseId/recommend': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/recommend`,
      body: X,
      expect: only(['council-chair'], ['own']),
    },
    'POST /cases/:caseId/propose-honour': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/propose-honour`,
      body: X,
      expect: only(['council-chair'], ['own']),
    },
    // Appeals: the nominating unit (the commune Lâm Hạ) or an author files; the case council's secretary assigns;
    // the chair of the council it was given to (before assignment: the case's own) decides.
    'POST /cases/:caseId/appeals': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/appeals`,
      body: X,
      expect: only(NOMINATING_ROLES, ['child']),
    },
    'POST /cases/:caseId/appeals/:appealId/assign': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/appeals/kn-1/assign`,
      body: X,
      expect: only(['council-secretary'], ['own']),
    },
    'POST /cases/:caseId/appeals/:appealId/decide': {
      context: 'councils',
      method: 'POST',
      path: `/cases/${enc(CASE)}/appeals/kn-1/decide`,
      body: X,
      expect: only(['council-chair'], ['own']),
    },
    'GET /appeals': { context: 'councils', method: 'GET', path: '/appeals', expect: anyone },
    // The innovation database: every signed-in person reads it; an application is recorded by the applying unit or above.
    'GET /innovations': { context: 'councils', method: 'GET', path: '/innovations', expect: anyone },
    'POST /innovations/:dossierId/applications': {
      context: 'councils',
      method: 'POST',
      path: `/innovations/${D2}/applications`,
      body: { unitId: PHU_LY, ...X },
      expect: only(['unit-officer', 'agency-officer', 'standing-body'], ['own', 'higher']),
    },
    // --- recognition
    'POST /awards': {
      context: 'recognition',
      method: 'POST',
      path: '/awards',
      body: { grantingUnitId: PHU_LY, ...X },
      expect: adminAlso(only(['emulation-board', 'authority', 'admin'], ['own'])),
    },
    'GET /awards': { context: 'recognition', method: 'GET', path: '/awards', expect: anyone },
    'GET /proposals': { context: 'recognition', method: 'GET', path: '/proposals', expect: anyone },
    'POST /proposals/:id/verify': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P1}/verify`,
      body: X,
      expect: only(['emulation-board'], ['own']),
    },
    'POST /proposals/:id/send-back': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P1}/send-back`,
      body: X,
      expect: only(['emulation-board'], ['own']),
    },
    'POST /proposals/:id/resubmit': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P1}/resubmit`,
      body: X,
      expect: only(['council-chair', 'council-secretary', 'standing-body'], ['own']),
    },
    // Only with an award the deciding unit itself grants.
    'POST /proposals/:id/decide': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P1}/decide`,
      body: { awardCode: AWARD, ...X },
      expect: only(['authority'], ['own']),
    },
    'POST /proposals/:id/issue': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P2}/issue`,
      body: X,
      expect: only(['authority', 'emulation-board'], ['own']),
    },
    'POST /proposals/:id/revoke': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P2}/revoke`,
      body: X,
      expect: only(['authority'], ['own']),
    },
    'GET /public/awarded-works': { context: 'recognition', method: 'GET', path: '/public/awarded-works', expect: anyone },
    'POST /proposals/:id/certificates': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P2}/certificates`,
      expect: only(['authority', 'emulation-board'], ['own']),
    },
    'POST /proposals/:id/decision-document': {
      context: 'recognition',
      method: 'POST',
      path: `/proposals/${P2}/decision-document`,
      expect: only(['authority', 'emulation-board'], ['own']),
    },
    // A certificate of Phủ Lý's award: Phủ Lý and the province above it (and the auditor); elsewhere 404.
    'GET /documents/:documentId/pdf': {
      context: 'recognition',
      method: 'GET',
      path: `/documents/${documentId}/pdf`,
      expect: auditorAlso(only('any', ['own', 'higher'], 404)),
    },
    // Eligibility checks: the officers who propose, verify and decide (lists filtered by jurisdiction), the auditor.
    'GET /award-history': {
      context: 'recognition',
      method: 'GET',
      path: '/award-history',
      expect: only(AWARD_HISTORY_READERS, 'any'),
    },
    'GET /public/documents/:documentId': { context: 'recognition', method: 'GET', path: `/public/documents/${documentId}`, expect: anyone },
    // --- reporting
    'POST /periods': { context: 'reporting', method: 'POST', path: '/periods', body: X, expect: only(['standing-body', 'admin'], 'any') },
    'GET /periods': { context: 'reporting', method: 'GET', path: '/periods', expect: anyone },
    'POST /periods/:periodId/reports': {
      context: 'reporting',
      method: 'POST',
      path: `/periods/${PERIOD}/reports`,
      body: X,
      expect: only(REPORTING_ROLES, 'any'),
    },
    'POST /reports/:reportId/amend': {
      context: 'reporting',
      method: 'POST',
      path: `/reports/${enc(`${PERIOD}/${PHU_LY}`)}/amend`,
      body: X,
      expect: only(REPORTING_ROLES, ['own']),
    },
    'POST /periods/:periodId/aggregate': {
      context: 'reporting',
      method: 'POST',
      path: `/periods/${PERIOD}/aggregate`,
      body: X,
      expect: only(['standing-body'], 'any'),
    },
    // Phủ Lý's status: Phủ Lý itself and the province above it; not its communes, neighbours or outsiders.
    'GET /periods/:periodId/status': {
      context: 'reporting',
      method: 'GET',
      path: `/periods/${PERIOD}/status`,
      query: { unitId: PHU_LY },
      expect: auditorAlso(only('any', ['own', 'higher'], 404)),
    },
    'GET /periods/:periodId/reports': { context: 'reporting', method: 'GET', path: `/periods/${PERIOD}/reports`, expect: anyone },
    'GET /statistics': { context: 'reporting', method: 'GET', path: '/statistics', expect: anyone },
    'GET /statistics/export.csv': { context: 'reporting', method: 'GET', path: '/statistics/export.csv', expect: anyone },
    'GET /statistics/export.xlsx': { context: 'reporting', method: 'GET', path: '/statistics/export.xlsx', expect: anyone },
    // Toàn cảnh phong trào, asked for Phủ Lý: its own officers and those above it; outside it, 403 with the reason.
    'GET /campaigns/:campaignId/editions/:year/progress': {
      context: 'reporting',
      method: 'GET',
      path: `/campaigns/${CAMPAIGN}/editions/${YEAR}/progress`,
      query: { unitId: PHU_LY },
      expect: auditorAlso(adminAlso(only('any', ['own', 'higher']))),
    },
    'GET /audit/search': {
      context: 'reporting',
      method: 'GET',
      path: '/audit/search',
      query: { q: 'sang kien' },
      expect: only(['auditor'], 'any'),
    },
    'GET /audit/dossiers/:id/history': {
      context: 'reporting',
      method: 'GET',
      path: `/audit/dossiers/${D2}/history`,
      expect: only(['auditor'], 'any'),
    },
    'GET /audit/proposals/:id/history': {
      context: 'reporting',
      method: 'GET',
      path: `/audit/proposals/${P2}/history`,
      expect: only(['auditor'], 'any'),
    },
    'GET /audit/dossiers/:id/state': {
      context: 'reporting',
      method: 'GET',
      path: `/audit/dossiers/${D2}/state`,
      expect: only(['auditor'], 'any'),
    },
    'GET /audit/proposals/:id/state': {
      context: 'reporting',
      method: 'GET',
      path: `/audit/proposals/${P2}/state`,
      expect: only(['auditor'], 'any'),
    },
    'GET /audit/export': {
      context: 'reporting',
      method: 'GET',
      path: '/audit/export',
      query: { dossierId: D2 },
      expect: only(['auditor'], 'any'),
    },
    'GET /audit/verify': { context: 'reporting', method: 'GET', path: '/audit/verify', expect: only(['auditor'], 'any') },
    // A person's own notifications and settings: only that person (Phủ Lý's unit officer here); everyone else 403.
    'GET /people/:personId/notifications': {
      context: 'reporting',
      method: 'GET',
      path: `/people/${enc(PERSON)}/notifications`,
      expect: onlyThePerson,
    },
    'POST /people/:personId/notifications/read': {
      context: 'reporting',
      method: 'POST',
      path: `/people/${enc(PERSON)}/notifications/read`,
      body: X,
      expect: onlyThePerson,
    },
    'GET /people/:personId/notification-preferences': {
      context: 'reporting',
      method: 'GET',
      path: `/people/${enc(PERSON)}/notification-preferences`,
      expect: onlyThePerson,
    },
    'PUT /people/:personId/notification-preferences': {
      context: 'reporting',
      method: 'PUT',
      path: `/people/${enc(PERSON)}/notification-preferences`,
      body: X,
      expect: onlyThePerson,
    },
  };
}

describe('access matrix on the real apps (every route x role x relation)', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const tokenOf = async (actor: Actor) => {
    let token = tokens.get(actor.id);
    if (!token) tokens.set(actor.id, (token = await platform.token(actor)));
    return token;
  };
  const as = (rel: Rel) => (role: Role) => actorOf(role, rel);
  const own = as('own');
  const call = async (
    context: string,
    actor: Actor,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: object,
    query?: Record<string, string>,
  ) => {
    const agent = request(platform.url(context));
    const req = (method === 'GET' ? agent.get(path) : method === 'PUT' ? agent.put(path) : agent.post(path)).set(
      'Authorization',
      `Bearer ${await tokenOf(actor)}`,
    );
    if (query) req.query(query);
    return method === 'GET' ? req : req.send(body ?? {});
  };
  const ok = async (
    context: string,
    actor: Actor,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    status = method === 'GET' ? 200 : 201,
  ): Promise<request.Response['body']> => {
    const res = await call(context, actor, method, path, body);
    if (res.status !== status)
      throw new Error(`${method} ${path} as ${actor.id}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let sha256 = '';
  let documentId = '';

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE]);
    const admin = actorOf('admin', 'higher');
    await ok('submissions', admin, 'POST', '/units/seed', {}, 200);

    // Phủ Lý launches its campaign and receives its field itself (its People's Committee is the agency).
    const officer = own('unit-officer');
    for (const [route, body] of phuLyCampaignSteps(CAMPAIGN, YEAR)) await ok('submissions', officer, 'POST', route, body);

    // The council of Phủ Lý, before any dossier reaches it. Councils learns the seeded units from submissions'
    // events over Kafka: until they arrive, its members' agencies are not registered there (422, nothing written).
    await platform.eventually(
      () =>
        ok('councils', own('front-chair'), 'POST', '/councils', {
          councilId: COUNCIL,
          name: 'Hội đồng thẩm định sáng tạo thành phố Phủ Lý',
          level: 'district',
          jurisdictionUnitId: PHU_LY,
          jurisdictionUnitPath: UNIT_OF.own.path,
          fieldCodes: ['khcn'],
          editions: [{ campaignId: CAMPAIGN, year: YEAR }],
          decision: { number: '03/QĐ-MTTQ', date: '2026-01-15', signedBy: 'Chủ tịch Ủy ban MTTQ thành phố Phủ Lý' },
          members: SEATS,
          regulations: { quorum: 2, aggregation: 'weighted-mean', tieBreak: ['dossier-id'] },
        }),
      60_000,
    );
    await ok('councils', own('council-secretary'), 'POST', '/criteria-sets', {
      criteriaSetId: CRITERIA,
      councilId: COUNCIL,
      campaignId: CAMPAIGN,
      year: YEAR,
      fieldCode: 'khcn',
      criteria: CRITERIA_LIST,
      bands: GRADE_BANDS,
    });

    // D1: Phủ Lý's own draft. D2: Lâm Hạ's dossier, with an attachment, lodged with and received by Phủ Lý.
    const stored = await request(platform.url('submissions'))
      .post('/attachments')
      .set('Authorization', `Bearer ${await tokenOf(as('child')('unit-officer'))}`)
      .attach('file', Buffer.from(`%PDF-1.4 ${run}`), { filename: 'thuyet-minh.pdf', contentType: 'application/pdf' })
      .expect(201);
    sha256 = stored.body.sha256;
    const draft = (dossierId: string, attachments: object[] = []) => ({
      dossierId,
      campaignId: CAMPAIGN,
      year: YEAR,
      fieldCode: 'khcn',
      type: 'initiative',
      title: `Sáng kiến ${dossierId}`,
      summary: 'Tóm tắt',
      applicantKind: 'collective',
      authors: [{ name: 'Nguyễn Văn Đức' }],
      owners: [],
      attachments,
    });
    await ok('submissions', officer, 'POST', '/dossiers', draft(D1));
    const child = as('child')('unit-officer');
    await ok(
      'submissions',
      child,
      'POST',
      '/dossiers',
      draft(D2, [{ name: 'thuyet-minh.pdf', sha256, size: stored.body.size, contentType: 'application/pdf' }]),
    );
    await ok('submissions', child, 'POST', `/dossiers/${D2}/submit`, {}, 200);
    await ok('submissions', own('agency-officer'), 'POST', `/dossiers/${D2}/receive`, {}, 200);

    // The case opens in councils from the DossierReceived event; the secretary assigns the council's members.
    await platform.eventually(() => ok('councils', own('council-secretary'), 'GET', `/cases/${encodeURIComponent(CASE)}/scores`), 60000);
    await ok('councils', own('council-secretary'), 'POST', `/cases/${encodeURIComponent(CASE)}/assign`, { memberIds: seatIds }, 200);

    // Proposals for Phủ Lý (the council's HonourProposed, handed to recognition's event handler as the transport would).
    const recognition = platform.service('recognition').infra;
    for (const proposalId of [P1, P2]) {
      const data = {
        proposalId,
        caseId: CASE,
        dossierId: D2,
        councilId: COUNCIL,
        level: 'district',
        jurisdictionUnitId: PHU_LY,
        jurisdictionUnitPath: UNIT_OF.own.path,
        campaignId: CAMPAIGN,
        year: YEAR,
        fieldCode: 'khcn',
        title: `Sáng kiến ${D2}`,
        grade: 'tot',
        score: 8.5,
        rank: 1,
        recipients: [{ name: 'Nguyễn Văn Đức', kind: 'individual' }],
      };
      const metadata = { actor: own('council-chair'), occurredAt: '2026-06-01T09:00:00Z', correlationId: proposalId, source: 'councils' };
      const event = { id: `matrix-${proposalId}`, type: COUNCILS_EVENTS.HonourProposed, data, metadata };
      await new HonourProposedHandler(recognition).receiveProposal(
        data as never,
        new EventEnvelope(event as unknown as RecordedEvent, 'recognition'),
      );
    }
    await ok('recognition', own('authority'), 'POST', '/awards', {
      awardCode: AWARD,
      name: 'Giải thưởng sáng tạo thành phố Phủ Lý',
      level: 'district',
      grantingUnitId: PHU_LY,
      recipientKinds: ['individual', 'collective'],
    });
    await ok('recognition', own('emulation-board'), 'POST', `/proposals/${P2}/verify`, {}, 200);
    await ok(
      'recognition',
      own('authority'),
      'POST',
      `/proposals/${P2}/decide`,
      {
        decisionNumber: '45/QĐ-UBND',
        decisionDate: '2026-11-20',
        signer: 'Chủ tịch UBND thành phố Phủ Lý',
        awardCode: AWARD,
      },
      200,
    );

    const certificates = (await ok('recognition', own('authority'), 'POST', `/proposals/${P2}/certificates`, undefined, 200)) as {
      documentId: string;
    }[];
    documentId = certificates[0].documentId;

    // A mandate of Phủ Lý (for the revoke route) and a reporting period with Phủ Lý's report.
    await ok('submissions', own('authority'), 'POST', '/mandates', {
      mandateId: MANDATE,
      holderUnitId: 'vn-ha-nam-phu-ly-phong-noi-vu',
      jurisdictionUnitId: PHU_LY,
      role: 'standing-body',
      from: '2026-01-01',
      decisionRef: '7/QĐ-UBND',
    });
    await ok('reporting', own('standing-body'), 'POST', '/periods', {
      periodId: PERIOD,
      year: YEAR,
      kind: 'yearly',
      title: 'Báo cáo năm 2026',
      deadlines: [{ level: 'district', dueBy: '2099-11-01' }],
    });
    await ok('reporting', officer, 'POST', `/periods/${PERIOD}/reports`, {
      narrative: 'Kết quả phong trào năm 2026',
      figures: { dossiersSubmitted: 2, initiativesApplied: 1, modelsRegistered: 0, awardsGiven: 1, unitsCommended: 0 },
    });
    // The edition reaches reporting's archive through Kafka: its progress answers once it has.
    await platform.eventually(
      () => ok('reporting', actorOf('auditor', 'higher'), 'GET', `/campaigns/${CAMPAIGN}/editions/${YEAR}/progress`),
      60000,
    );
  }, 240000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('covers every route of the four real apps', () => {
    const routes = [SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE].flatMap((d) =>
      routeCatalogue(d).map((r) => `${r.method} ${r.path}`),
    );
    const covered = Object.keys(cells(''));
    expect(routes.filter((r) => !covered.includes(r))).toEqual([]);
    expect(covered.filter((c) => !routes.includes(c))).toEqual([]);
  });

  it('serves the public showcase of awarded works without a token, and nothing else', async () => {
    await request(platform.url('recognition')).get('/public/awarded-works').expect(200);
    await request(platform.url('recognition')).get('/proposals').expect(401);
    await request(platform.url('submissions')).get(`/dossiers/${D2}`).expect(401);
  });

  it('lets a unit act for Phủ Lý by a mandate in another service, and the audit shows both units', async () => {
    // Phủ Lý's Phòng Nội vụ verifies proposals for Phủ Lý as its emulation board, by Phủ Lý's decision.
    const board = actorOf('emulation-board', 'own');
    const phongNoiVu: Actor = {
      ...board,
      id: 'board@phong-noi-vu',
      unitId: 'vn-ha-nam-phu-ly-phong-noi-vu',
      unitPath: [...UNIT_OF.own.path, 'vn-ha-nam-phu-ly-phong-noi-vu'],
    };
    const before = await call('recognition', phongNoiVu, 'POST', `/proposals/${P1}/verify`, {});
    expect(before.status).toBe(403);
    await ok('submissions', own('authority'), 'POST', '/mandates', {
      mandateId: `${MANDATE}-board`,
      holderUnitId: phongNoiVu.unitId,
      jurisdictionUnitId: PHU_LY,
      role: 'emulation-board',
      from: '2026-01-01',
      decisionRef: '8/QĐ-UBND',
    });
    // The mandate reaches recognition through Kafka (copied into its own store and projected there).
    await platform.eventually(() => ok('recognition', phongNoiVu, 'POST', `/proposals/${P1}/verify`, { note: 'Đủ điều kiện' }, 200), 60000);
    const events = await platform.service('recognition').infra.store.readStream(`proposal-${P1}`);
    expect(events.at(-1)!.metadata.actor).toMatchObject({
      id: phongNoiVu.id,
      unitId: PHU_LY,
      mandate: { decisionRef: '8/QĐ-UBND', ownUnitId: 'vn-ha-nam-phu-ly-phong-noi-vu' },
    });
    const history = await platform.eventually(async () => {
      const h = (await ok('reporting', actorOf('auditor', 'higher'), 'GET', `/audit/proposals/${P1}/history`)) as {
        history: { ownUnit?: string }[];
      };
      expect(h.history.some((row) => row.ownUnit)).toBe(true);
      return h;
    }, 60000);
    expect(history.history.find((row) => row.ownUnit)).toMatchObject({
      unit: PHU_LY,
      ownUnit: 'vn-ha-nam-phu-ly-phong-noi-vu',
      mandateDecision: '8/QĐ-UBND',
    });
    // The mandate covers Phủ Lý only: not Duy Tiên, and not in another role.
    expect(
      (await call('recognition', { ...phongNoiVu, role: 'authority' }, 'POST', `/proposals/${P1}/decide`, { awardCode: AWARD, ...X }))
        .status,
    ).toBe(403);
  });

  it('answers every cell as the rules say: 2xx (or the 400 of a deliberately invalid body), 403 with a reason, or 404', async () => {
    // CEM_ACCESS_MATRIX_ONLY=<text>: only the routes containing it (a targeted run while working on some routes).
    const onlyRoutes = process.env.CEM_ACCESS_MATRIX_ONLY;
    const all = Object.fromEntries(
      Object.entries(cells(sha256, documentId)).filter(([route]) => !onlyRoutes || route.includes(onlyRoutes)),
    );
    const bodies = new Map<string, boolean>(
      [SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE].flatMap((d) =>
        routeCatalogue(d).map((r) => [`${r.method} ${r.path}`, !!r.bodyType] as const),
      ),
    );
    const failures: string[] = [];
    const table: string[] = [];
    let checked = 0;
    for (const [route, cell] of Object.entries(all)) {
      const row: string[] = [];
      for (const role of ROLES) {
        for (const rel of RELATIONS) {
          const expected = cell.expect(role, rel);
          const res = await call(cell.context, actorOf(role, rel), cell.method, cell.path, cell.body, cell.query);
          checked++;
          let good: boolean;
          if (expected === 'ok') {
            good =
              cell.method === 'GET'
                ? res.status === 200
                : bodies.get(route)
                  ? res.status === 400 && res.body.code === 'validation-failed'
                  : res.status < 500 && ![401, 403, 404].includes(res.status);
          } else {
            good = res.status === expected;
            // A refusal says why, in Vietnamese; its machine code stays English.
            if (good && expected === 403)
              good =
                /[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(res.body.message as string) &&
                /^[a-z-]+$/.test((res.body.details?.rule ?? res.body.code) as string);
          }
          if (!good)
            failures.push(`${route} as ${role}@${rel}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          row.push(expected === 'ok' ? '✓' : String(expected));
        }
      }
      table.push(`${route}\t${row.join(' ')}`);
    }
    const size = Object.keys(all).length * ROLES.length * RELATIONS.length;

    console.log(
      `access matrix: ${Object.keys(all).length} routes x ${ROLES.length} roles x ${RELATIONS.length} relations = ${size} cells, ${checked} checked, ${failures.length} failed`,
    );
    if (process.env.CEM_ACCESS_MATRIX_OUT) writeFileSync(join(process.env.CEM_ACCESS_MATRIX_OUT), table.join('\n') + '\n');
    const byRoute = new Map<string, string[]>();
    for (const f of failures) byRoute.set(f.split(' as ')[0], [...(byRoute.get(f.split(' as ')[0]) ?? []), f]);

    if (failures.length) console.log([...byRoute].map(([r, fs]) => `${r}: ${fs.length} cells, e.g. ${fs[0]}`).join('\n'));
    expect(checked).toBe(size);
    expect(failures).toEqual([]);
  }, 900000);
});
