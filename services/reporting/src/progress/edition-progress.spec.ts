import type { RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as C, RECOGNITION_EVENTS as R, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import { EditionProgressDoc, editionProgressProjection as projection } from './edition-progress.projection';
import { progressByLevel, progressRows, RegisteredUnit } from './progress.rows';

function project(events: RecordedEvent[]): EditionProgressDoc[] {
  const docs = new Map<string, EditionProgressDoc>();
  for (const e of events) {
    if (!projection.eventTypes.includes(e.type)) continue;
    for (const id of projection.documentIds(e)) docs.set(id, projection.apply(docs.get(id) ?? null, e, id)!);
  }
  return [...docs.values()];
}

const CAMPAIGN = 'ha-nam-sang-tao';
const YEAR = 2026;
const HA_NAM = ['vn', 'vn-ha-nam'];
const PHU_LY = [...HA_NAM, 'vn-ha-nam-phu-ly'];
const LAM_HA = [...PHU_LY, 'vn-ha-nam-phu-ly-lam-ha'];
const DUY_TIEN = [...HA_NAM, 'vn-ha-nam-duy-tien'];
const UNITS: RegisteredUnit[] = [
  { unitId: 'vn-ha-nam', name: 'UBND tỉnh Hà Nam', level: 'province', unitPath: HA_NAM },
  { unitId: 'vn-ha-nam-phu-ly', name: 'UBND thành phố Phủ Lý', level: 'district', unitPath: PHU_LY },
  { unitId: 'vn-ha-nam-phu-ly-lam-ha', name: 'UBND phường Lâm Hạ', level: 'commune', unitPath: LAM_HA },
  { unitId: 'vn-ha-nam-duy-tien', name: 'UBND thị xã Duy Tiên', level: 'district', unitPath: DUY_TIEN },
];

const drafted = (dossierId: string, nominatingUnitId: string, campaignId = CAMPAIGN) =>
  recorded(S.DossierDrafted, { dossierId, campaignId, year: YEAR, fieldCode: 'khcn', nominatingUnitId, nominatingUnitPath: [] });
const lodged = (type: string, dossierId: string, level: string, jurisdictionUnitId: string) =>
  recorded(type, { dossierId, level, jurisdictionUnitId, jurisdictionUnitPath: [] });
const atPhuLy = (type: string, dossierId: string) => lodged(type, dossierId, 'district', 'vn-ha-nam-phu-ly');
const caseEvent = (type: string, dossierId: string, extra: object = {}) =>
  recorded(type, {
    caseId: `${dossierId}@district`,
    dossierId,
    councilId: 'hd',
    level: 'district',
    jurisdictionUnitId: 'vn-ha-nam-phu-ly',
    campaignId: CAMPAIGN,
    year: YEAR,
    ...extra,
  });
const proposal = (type: string, proposalId: string, extra: object = {}) =>
  recorded(type, { proposalId, level: 'district', jurisdictionUnitId: 'vn-ha-nam-phu-ly', campaignId: CAMPAIGN, year: YEAR, ...extra });

const EVENTS = [
  recorded(S.CampaignLaunched, { campaignId: CAMPAIGN, name: 'Phong trào Hà Nam', launchedByUnitId: 'vn-ha-nam' }),
  recorded(S.EditionOpened, { campaignId: CAMPAIGN, year: YEAR, phases: [] }),
  // d1: Lâm Hạ's draft. d2: received at Phủ Lý, assessed, accepted. d3: returned. d4: withdrawn after submission.
  drafted('d1', 'vn-ha-nam-phu-ly-lam-ha'),
  drafted('d2', 'vn-ha-nam-phu-ly-lam-ha'),
  atPhuLy(S.DossierSubmitted, 'd2'),
  atPhuLy(S.DossierReceived, 'd2'),
  drafted('d3', 'vn-ha-nam-phu-ly-lam-ha'),
  atPhuLy(S.DossierSubmitted, 'd3'),
  atPhuLy(S.DossierReturned, 'd3'),
  recorded(S.DossierAmended, { dossierId: 'd3', changes: {} }),
  drafted('d4', 'vn-ha-nam-phu-ly'),
  atPhuLy(S.DossierSubmitted, 'd4'),
  recorded(S.DossierWithdrawn, { dossierId: 'd4', reason: 'Rút' }),
  // d5: received at Phủ Lý, then forwarded to the province. d6: another campaign's dossier.
  drafted('d5', 'vn-ha-nam-phu-ly'),
  atPhuLy(S.DossierSubmitted, 'd5'),
  atPhuLy(S.DossierReceived, 'd5'),
  recorded(S.DossierForwarded, {
    dossierId: 'd5',
    fromLevel: 'district',
    toLevel: 'province',
    fromJurisdictionUnitId: 'vn-ha-nam-phu-ly',
    toJurisdictionUnitId: 'vn-ha-nam',
  }),
  drafted('d6', 'vn-ha-nam-phu-ly', 'other-campaign'),
  // Cases: d2 finalised and accepted, d5 being scored, one awaiting a council at Duy Tiên.
  caseEvent(C.EvaluationCaseOpened, 'd2'),
  caseEvent(C.MembersAssigned, 'd2'),
  caseEvent(C.ScoreSubmitted, 'd2'),
  caseEvent(C.CaseFinalised, 'd2', { accepted: true }),
  caseEvent(C.EvaluationCaseOpened, 'd5'),
  caseEvent(C.MembersAssigned, 'd5'),
  caseEvent(C.ScoreSubmitted, 'd5'),
  caseEvent(C.DossierAwaitingCouncil, 'd7', { jurisdictionUnitId: 'vn-ha-nam-duy-tien' }),
  // Proposals: p1 decided, p2 sent back, p3 decided then revoked.
  proposal(R.ProposalReceived, 'p1'),
  recorded(R.AchievementsVerified, { proposalId: 'p1' }),
  proposal(R.AwardDecided, 'p1'),
  proposal(R.ProposalReceived, 'p2'),
  recorded(R.ProposalSentBack, { proposalId: 'p2', reason: 'Thiếu' }),
  proposal(R.ProposalReceived, 'p3'),
  proposal(R.AwardDecided, 'p3'),
  proposal(R.AwardRevoked, 'p3'),
];

const ofEdition = (docs: EditionProgressDoc[]) => docs.filter((d) => d.kind !== 'campaign' && d.campaignId === CAMPAIGN && d.year === YEAR);

describe('toàn cảnh phong trào: the edition progress fold', () => {
  const docs = ofEdition(project(EVENTS));
  const period = {
    periodId: 'bc-2026',
    openedByUnitId: 'vn-ha-nam',
    deadlines: [
      { level: 'district' as const, dueBy: '2026-11-30T00:00:00+07:00' },
      { level: 'commune' as const, dueBy: '2099-11-30T00:00:00+07:00' },
    ],
  };
  const reports = [
    { periodId: 'bc-2026', unitId: 'vn-ha-nam-phu-ly', level: 'district' as const, reportId: 'r1', submittedAt: '2026-12-01T00:00:00Z' },
  ];
  const rows = progressRows({ docs, units: UNITS, periods: [period], reports, now: '2026-12-02T00:00:00Z' });
  const row = (unitId: string, level: string) => rows.find((r) => r.unitId === unitId && r.level === level)!;

  it('counts dossiers by status where they stand: a draft with its nominating unit, a lodged one per level', () => {
    expect(rows.map((r) => `${r.level}|${r.unitId}`)).toEqual([
      'province|vn-ha-nam',
      'district|vn-ha-nam-duy-tien',
      'district|vn-ha-nam-phu-ly',
      'commune|vn-ha-nam-phu-ly-lam-ha',
    ]);
    expect(row('vn-ha-nam-phu-ly-lam-ha', 'commune').dossiers).toMatchObject({ draft: 1, total: 1 });
    expect(row('vn-ha-nam-phu-ly', 'district').dossiers).toEqual({
      draft: 0,
      submitted: 0,
      received: 1,
      returned: 1,
      withdrawn: 1,
      forwarded: 1,
      total: 4,
    });
    expect(row('vn-ha-nam', 'province').dossiers).toMatchObject({ submitted: 1, total: 1 });
    expect(row('vn-ha-nam', 'province').unitName).toBe('UBND tỉnh Hà Nam');
  });

  it("counts the councils' progress, the proposals and the award decisions", () => {
    expect(row('vn-ha-nam-phu-ly', 'district').cases).toMatchObject({ scoring: 1, finalised: 1, accepted: 1, total: 2 });
    expect(row('vn-ha-nam-duy-tien', 'district').cases).toMatchObject({ 'awaiting-council': 1, total: 1 });
    expect(row('vn-ha-nam-phu-ly', 'district').proposals).toMatchObject({ decided: 1, 'sent-back': 1, revoked: 1, total: 3 });
  });

  it('counts reports due: late, missing past the deadline, not yet due', () => {
    expect(row('vn-ha-nam-phu-ly', 'district').reports).toMatchObject({ late: 1, reported: 0, expected: 1 });
    expect(row('vn-ha-nam-duy-tien', 'district').reports).toMatchObject({ missing: 1, expected: 1 });
    expect(row('vn-ha-nam-phu-ly-lam-ha', 'commune').reports).toMatchObject({ pending: 1, expected: 1 });
    expect(row('vn-ha-nam', 'province').reports.expected).toBe(0);
  });

  it('sums per level, top down, and overall', () => {
    const { levels, totals } = progressByLevel(rows);
    expect(levels.map((l) => [l.level, l.units])).toEqual([
      ['province', 1],
      ['district', 2],
      ['commune', 1],
    ]);
    expect(levels[1].dossiers.total).toBe(4);
    expect(totals.dossiers.total).toBe(6);
    expect(totals.cases.total).toBe(3);
    expect(totals.reports).toMatchObject({ late: 1, missing: 1, pending: 1, expected: 3 });
  });

  it('an appeal and a reopened scoring move the case back; a re-delivered event changes nothing', () => {
    const more = [
      ...EVENTS,
      caseEvent(C.AppealFiled, 'd2'),
      caseEvent(C.AppealDecided, 'd2', { outcome: 'upheld', reopenScoring: true }),
      caseEvent(C.CaseReopened, 'd2'),
    ];
    const reopened = progressRows({ docs: ofEdition(project(more)), units: UNITS, periods: [], reports: [], now: '2026-12-02' });
    expect(reopened.find((r) => r.unitId === 'vn-ha-nam-phu-ly')!.cases).toMatchObject({ scoring: 2, finalised: 0, accepted: 0 });
    const again = [
      ...EVENTS,
      drafted('d1', 'vn-ha-nam-phu-ly-lam-ha'),
      caseEvent(C.CaseFinalised, 'd2', { accepted: true }),
      proposal(R.AwardRevoked, 'p3'),
    ];
    expect(ofEdition(project(again))).toEqual(docs);
  });
});
