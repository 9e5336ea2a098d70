import type { LocalIssuer, MintRequest } from '@cem/identity';
import { ALL_PERSONAS, PORTAL_PERSONAS } from './demo-personas';

/**
 * What a newcomer finds on a fresh embedded platform, set up through the public APIs only: the shipped units,
 * a Hà Nam campaign for this year with the science field received by Sở KH&CN, the provincial appraisal
 * council (chair, secretary, three members), its published criteria and the provincial award. From there
 * the demo people walk the whole chain in the portal. Runs once: it stops when the campaign exists.
 */
export const DEMO_CAMPAIGN = 'ha-nam-sang-tao';
export const DEMO_FIELD = 'khcn';

export interface DemoScenarioResult {
  created: boolean;
  campaignId: string;
  year: number;
  councilId: string;
  awardCode: string;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function seedDemoScenario(
  issuer: LocalIssuer,
  services: Record<string, string>,
  now: Date = new Date(),
): Promise<DemoScenarioResult> {
  const year = now.getFullYear();
  const councilId = `hd-ha-nam-${year}`;
  const awardCode = `giai-sang-tao-ha-nam`;
  const result = { campaignId: DEMO_CAMPAIGN, year, councilId, awardCode };
  const tokens = new Map<MintRequest, string>();
  const call = async (who: MintRequest, context: string, method: string, path: string, body?: unknown) => {
    if (!tokens.has(who)) tokens.set(who, await issuer.mint(who));
    const res = await fetch(`${services[context]}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(who)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const must = async (who: MintRequest, context: string, method: string, path: string, body?: unknown) => {
    const res = await call(who, context, method, path, body);
    if (res.status >= 300) throw new Error(`demo scenario: ${method} ${context}${path} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const admin = ALL_PERSONAS.admin;
  const board = ALL_PERSONAS['province-emulation-board'];
  const secretary = ALL_PERSONAS['province-council-secretary'];
  const p = PORTAL_PERSONAS;
  if ((await call(admin, 'submissions', 'GET', `/campaigns/${DEMO_CAMPAIGN}`)).status === 200) return { created: false, ...result };

  await must(admin, 'submissions', 'POST', '/units/seed');
  // A council member's agency must be a registered unit; the Women's Union is not among the shipped units.
  await must(admin, 'submissions', 'POST', '/units', {
    unitId: 'vn-ha-nam-hoi-lhpn',
    name: 'Hội Liên hiệp Phụ nữ tỉnh Hà Nam',
    kind: 'socio-political-organisation',
    parentUnitId: 'vn-ha-nam',
  });
  const yearEnd = `${year}-12-31`;
  await eventually(() =>
    must(board, 'submissions', 'POST', '/campaigns', {
      campaignId: DEMO_CAMPAIGN,
      name: 'Phong trào thi đua "Người Hà Nam đoàn kết sáng tạo"',
      launchedByUnitId: 'vn-ha-nam',
      planNumber: '3870/KH-UBND-UBMTTQ',
      planDate: `${year}-01-10`,
      period: { fromYear: year, toYear: year + 4 },
    }),
  );
  await must(board, 'submissions', 'POST', `/campaigns/${DEMO_CAMPAIGN}/editions`, {
    year,
    phases: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: `${year}-01-15`, closesOn: yearEnd }],
  });
  await must(board, 'submissions', 'POST', `/campaigns/${DEMO_CAMPAIGN}/fields`, { fieldCode: DEMO_FIELD, name: 'Khoa học - Công nghệ' });
  await must(board, 'submissions', 'POST', `/campaigns/${DEMO_CAMPAIGN}/receiving-agencies`, {
    fieldCode: DEMO_FIELD,
    jurisdictionUnitId: 'vn-ha-nam',
    agencyUnitId: 'vn-ha-nam-so-khcn',
    letterRef: '125/UBND-NC',
  });
  await must(board, 'submissions', 'POST', `/campaigns/${DEMO_CAMPAIGN}/deadlines`, {
    year,
    level: 'province',
    jurisdictionUnitId: 'vn-ha-nam',
    deadline: yearEnd,
  });

  const seat = (who: MintRequest, agencyUnitId: string, agencyName: string, role: string) => ({
    memberId: who.sub,
    personName: who.name,
    agencyUnitId,
    agencyName,
    role,
    effectiveFrom: `${year}-01-15`,
  });
  // The registration reaches councils as an event: retried until it has.
  await eventually(() =>
    must(p['province-front-chair'], 'councils', 'POST', '/councils', {
      councilId,
      name: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam',
      level: 'province',
      jurisdictionUnitId: 'vn-ha-nam',
      jurisdictionUnitPath: ['vn', 'vn-ha-nam'],
      fieldCodes: [DEMO_FIELD],
      decision: { number: '05/QĐ-MTTQ-BTT', date: `${year}-01-15`, signedBy: 'Chủ tịch Ủy ban MTTQ tỉnh Hà Nam' },
      members: [
        seat(p['council-chair'], 'vn-ha-nam-mttq', 'Ủy ban MTTQ Việt Nam tỉnh Hà Nam', 'chair'),
        seat(secretary, 'vn-ha-nam-so-noi-vu-ban-tdkt', 'Ban Thi đua - Khen thưởng tỉnh', 'secretary'),
        seat(p['council-member-khcn'], 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ', 'member'),
        seat(p['council-member-lhh'], 'vn-ha-nam-lhh-khkt', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', 'member'),
        seat(p['council-member-phu-nu'], 'vn-ha-nam-hoi-lhpn', 'Hội Liên hiệp Phụ nữ tỉnh', 'member'),
      ],
      regulations: { quorum: 4, aggregation: 'weighted-mean', tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'] },
      editions: [{ campaignId: DEMO_CAMPAIGN, year }],
    }),
  );
  const criteriaSetId = `tc-ha-nam-${year}-${DEMO_FIELD}`;
  await must(secretary, 'councils', 'POST', '/criteria-sets', {
    criteriaSetId,
    councilId,
    campaignId: DEMO_CAMPAIGN,
    year,
    fieldCode: DEMO_FIELD,
    criteria: [
      { code: 'tinh-moi', name: 'Tính mới, tính sáng tạo', weight: 0.4, scaleMin: 0, scaleMax: 10 },
      { code: 'ung-dung', name: 'Khả năng ứng dụng', weight: 0.35, scaleMin: 0, scaleMax: 10 },
      { code: 'hieu-qua', name: 'Hiệu quả kinh tế - xã hội', weight: 0.25, scaleMin: 0, scaleMax: 10 },
    ],
    bands: [
      { grade: 'xuat-sac', label: 'Xuất sắc', minScore: 9 },
      { grade: 'tot', label: 'Tốt', minScore: 8 },
      { grade: 'kha', label: 'Khá', minScore: 7 },
      { grade: 'dat', label: 'Đạt', minScore: 5 },
      { grade: 'khong-dat', label: 'Không đạt', minScore: 0 },
    ],
  });
  await must(secretary, 'councils', 'POST', `/criteria-sets/${criteriaSetId}/publish`, { version: 1 });
  await must(board, 'recognition', 'POST', '/awards', {
    awardCode,
    name: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
    level: 'province',
    grantingUnitId: 'vn-ha-nam',
    recipientKinds: ['individual', 'collective'],
  });
  return { created: true, ...result };
}
