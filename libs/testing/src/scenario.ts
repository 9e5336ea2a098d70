import {
  COUNCIL_GRADE_LABELS_VI,
  type Actor,
  type AdministrativeLevel,
  type CouncilMember,
  type GradeBand,
  type Role,
} from '@cem/contracts';

/*
 * The test actors and the Hồ Chí Minh City scenario that the e2e specs, the compose test and the benchmark all
 * set up: Plan 338/KH-UBND of Bình Chánh implements the city's movement, so the city's board (Ban Thi đua -
 * Khen thưởng, seated in Sở Nội vụ) launches the campaign for the city by a mandate, and Bình Chánh's Phòng
 * Nội vụ organises the district's part by another (Công văn 2717/UBND). Pure data and one function over any
 * HTTP client: importable as `@cem/testing/scenario` without starting anything.
 */

/** A test actor acting in `role` at the last unit of `unitPath`. */
export function actorAt(role: Role, level: AdministrativeLevel, unitPath: string[], id = `${role}@${unitPath.at(-1)}`): Actor {
  return { id, role, level, unitId: unitPath[unitPath.length - 1], unitPath };
}

/** Unit paths of the seeded unit tree (POST /units/seed), from central down. */
export const PATHS = {
  hcm: ['vn', 'vn-hcm'],
  hcmSoKhcn: ['vn', 'vn-hcm', 'vn-hcm-so-khcn'],
  hcmSoNoiVu: ['vn', 'vn-hcm', 'vn-hcm-so-noi-vu'],
  binhChanh: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
  binhChanhNoiVu: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-phong-noi-vu'],
  binhChanhVhtt: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-phong-vhtt'],
  tanKien: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
  vinhLocA: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-vinh-loc-a'],
  cuChi: ['vn', 'vn-hcm', 'vn-hcm-cu-chi'],
  cuChiNoiVu: ['vn', 'vn-hcm', 'vn-hcm-cu-chi', 'vn-hcm-cu-chi-phong-noi-vu'],
  haNam: ['vn', 'vn-ha-nam'],
  central: ['vn'],
  centralMttq: ['vn', 'vn-mttq'],
} as const satisfies Record<string, readonly string[]>;

export const path = (key: keyof typeof PATHS): string[] => [...PATHS[key]];
export const ADMIN = actorAt('admin', 'central', ['vn']);

/** The people of the Hồ Chí Minh City scenario. */
export const HCM = {
  admin: ADMIN,
  auditor: actorAt('auditor', 'central', path('central')),
  cityBoard: actorAt('emulation-board', 'province', path('hcmSoNoiVu')),
  cityAgency: actorAt('agency-officer', 'province', path('hcmSoKhcn')),
  districtOfficer: actorAt('unit-officer', 'district', path('binhChanhNoiVu')),
  districtAgency: actorAt('agency-officer', 'district', path('binhChanhNoiVu')),
  binhChanhAuthority: actorAt('authority', 'district', path('binhChanh')),
  frontChair: actorAt('front-chair', 'district', path('binhChanh')),
  tanKien: actorAt('unit-officer', 'commune', path('tanKien')),
  vinhLocA: actorAt('unit-officer', 'commune', path('vinhLocA')),
} as const;

/** The body of POST /mandates (from 2024-01-01 on, no end). */
export const mandateBody = (mandateId: string, holderUnitId: string, jurisdictionUnitId: string, role: Role, decisionRef: string) => ({
  mandateId,
  holderUnitId,
  jurisdictionUnitId,
  role,
  from: '2024-01-01',
  decisionRef,
});

/** The two mandates of the scenario, and who grants each (the admin; Bình Chánh's authority). */
export const HCM_MANDATES = {
  cityBoard: { grantedBy: HCM.admin, body: mandateBody('uq-hcm-ban-tdkt', 'vn-hcm-so-noi-vu', 'vn-hcm', 'emulation-board', '15/QĐ-UBND') },
  binhChanhNoiVu: {
    grantedBy: HCM.binhChanhAuthority,
    body: mandateBody('uq-binh-chanh-noi-vu', 'vn-hcm-binh-chanh-phong-noi-vu', 'vn-hcm-binh-chanh', 'unit-officer', '2717/UBND'),
  },
} as const;

/** The command bodies of the city's campaign, 2024 edition, field khcn, received at the city and in Bình Chánh. */
export const hcmCampaign = (campaignId: string, name: string, planNumber: string) => ({
  launch: { campaignId, name, launchedByUnitId: 'vn-hcm', planNumber, planDate: '2024-08-21', period: { fromYear: 2021, toYear: 2025 } },
  edition: { year: 2024, phases: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: '2024-08-21', closesOn: '2024-10-31' }] },
  field: { fieldCode: 'khcn', name: 'Khoa học - Công nghệ' },
  cityAgency: { fieldCode: 'khcn', jurisdictionUnitId: 'vn-hcm', agencyUnitId: 'vn-hcm-so-khcn' },
  // The district organises its own part (Công văn 2717/UBND assigns the district's agencies).
  districtAgency: {
    fieldCode: 'khcn',
    jurisdictionUnitId: 'vn-hcm-binh-chanh',
    agencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
    letterRef: '2717/UBND',
  },
  // Far in the future so the tests keep passing; the deadline rule itself is covered by the decider's specs.
  districtDeadline: { year: 2024, level: 'district', jurisdictionUnitId: 'vn-hcm-binh-chanh', deadline: '2099-10-31' },
});

/**
 * Phủ Lý (a district of Hà Nam) launches its own campaign and receives its field itself (its People's Committee is
 * the agency): the submissions commands, in order, that its unit officer sends (the access matrix, the progress e2e).
 */
export const phuLyCampaignSteps = (campaignId: string, year: number): Array<[route: string, body: object]> => {
  const phuLy = 'vn-ha-nam-phu-ly';
  const campaign = `/campaigns/${campaignId}`;
  return [
    [
      '/campaigns',
      {
        campaignId,
        name: 'Phong trào thi đua sáng tạo thành phố Phủ Lý',
        launchedByUnitId: phuLy,
        planNumber: '12/KH-UBND',
        planDate: '2026-01-05',
        period: { fromYear: 2026, toYear: 2030 },
      },
    ],
    [
      `${campaign}/editions`,
      { year, phases: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: '2026-01-10', closesOn: '2099-10-31' }] },
    ],
    [`${campaign}/fields`, { fieldCode: 'khcn', name: 'Khoa học - Công nghệ' }],
    [`${campaign}/receiving-agencies`, { fieldCode: 'khcn', jurisdictionUnitId: phuLy, agencyUnitId: phuLy }],
    [`${campaign}/deadlines`, { year, level: 'district', jurisdictionUnitId: phuLy, deadline: '2099-10-31' }],
  ];
};

/** Sends a command to submissions as `actor`; must throw when it is refused (status 300 or more). */
export type ScenarioPost = (actor: Actor, route: string, body?: object) => Promise<Record<string, unknown>>;

/** Mints one token per actor (any issuer with mintFor: the test platform's, a LocalIssuer, the bench's). */
export async function mintTokens(
  issuer: { mintFor(actor: Actor): Promise<string> },
  actors: readonly Actor[],
): Promise<Map<Actor, string>> {
  const tokens = new Map<Actor, string>();
  for (const actor of actors) tokens.set(actor, await issuer.mintFor(actor));
  return tokens;
}

/** A ScenarioPost over fetch: JSON in and out, the actor's token from `tokens`. */
export function fetchPost(baseUrl: () => string, tokens: ReadonlyMap<Actor, string>): ScenarioPost {
  return async (actor, route, body = {}) => {
    const res = await fetch(baseUrl() + route, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get(actor)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`POST ${route}: ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}

export interface HcmCampaignSetup {
  campaignId: string;
  name: string;
  planNumber: string;
  /**
   * Retries a step until it is accepted: the access guard reads mandates and campaigns from read models, which
   * follow the commands eventually (e.g. the test platform's `eventually`).
   */
  retry: <T>(step: () => Promise<T>) => Promise<T>;
}

/**
 * Seeds the units, grants the two mandates, then launches the city's campaign and prepares its 2024 edition:
 * field khcn, received by Sở KH&CN for the city and by Bình Chánh's Phòng Nội vụ for the district, with the
 * district's deadline. Afterwards a commune of Bình Chánh (HCM.tanKien) can draft, submit and be received.
 */
export async function setUpHcmCampaign(post: ScenarioPost, setup: HcmCampaignSetup): Promise<void> {
  const { retry } = setup;
  const steps = hcmCampaign(setup.campaignId, setup.name, setup.planNumber);
  const campaign = `/campaigns/${setup.campaignId}`;
  await post(HCM.admin, '/units/seed');
  for (const mandate of Object.values(HCM_MANDATES)) await post(mandate.grantedBy, '/mandates', mandate.body);
  await retry(() => post(HCM.cityBoard, '/campaigns', steps.launch));
  await retry(() => post(HCM.cityBoard, `${campaign}/editions`, steps.edition));
  await retry(() => post(HCM.cityBoard, `${campaign}/fields`, steps.field));
  await retry(() => post(HCM.cityBoard, `${campaign}/receiving-agencies`, steps.cityAgency));
  await retry(() => post(HCM.districtOfficer, `${campaign}/receiving-agencies`, steps.districtAgency));
  await retry(() => post(HCM.districtOfficer, `${campaign}/deadlines`, steps.districtDeadline));
}

// ---- Councils (Hà Nam province's appraisal councils in the councils e2e specs and the access matrix) -----------

export const HA_NAM_PATH = ['vn', 'vn-ha-nam'] as const;

/** A person acting at Hà Nam province's own unit, named by their id. */
export const haNamActor = (id: string, role: Role): Actor => ({
  id,
  name: id,
  role,
  unitId: 'vn-ha-nam',
  level: 'province',
  unitPath: [...HA_NAM_PATH],
});

/** A seat on a council (POST /councils `members`), held from `effectiveFrom` on. */
export const councilSeat = (
  effectiveFrom: string,
  memberId: string,
  personName: string,
  agencyUnitId: string,
  agencyName: string,
  role: CouncilMember['role'] = 'member',
): CouncilMember => ({ memberId, personName, agencyUnitId, agencyName, role, effectiveFrom });

/** The usual grade bands of a criteria set: Xuất sắc from 9, Tốt from 8, Khá from 7, Đạt from 5. */
export const GRADE_BANDS: GradeBand[] = (
  [
    ['xuat-sac', 9],
    ['tot', 8],
    ['kha', 7],
    ['dat', 5],
    ['khong-dat', 0],
  ] as const
).map(([grade, minScore]) => ({ grade, label: COUNCIL_GRADE_LABELS_VI[grade], minScore }));
