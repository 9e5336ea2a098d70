import { DomainRuleViolation, ForbiddenError, NotFoundError, SUBMISSIONS_EVENTS as E, systemActor } from '@cem/contracts';
import { evolveAll } from '@cem/decider';
import { deciderSpec } from '@cem/decider/testing';
import { actorAt, path } from '../shared/actors.fixtures';
import { errorOf } from '../shared/error-of';
import { AmendDossier, dossierDecider, ReturnDossier, WithdrawDossier } from './dossier.decider';
import { MAX_ATTACHMENT_BYTES } from './dossier-content.rules';
import {
  AT_CITY,
  AT_DISTRICT,
  COMMUNE_OFFICER,
  CITY_AGENCY,
  DISTRICT_AGENCY,
  DOSSIER_ID,
  DRAFT,
  draftCommand,
  DRAFTED,
  FORWARDED_TO_CITY,
  forwardToCity,
  RECEIVED_AT_CITY,
  RECEIVED_AT_DISTRICT,
  receiveAtCity,
  receiveAtDistrict,
  RETURNED_AT_DISTRICT,
  SHA,
  SUBMITTED,
  submitToDistrict,
  OVERRIDE_AT_DISTRICT,
} from './dossier.fixtures';
import type { DossierEvent } from './dossier.state';

const spec = deciderSpec(dossierDecider);
const codeOf = (events: Parameters<typeof spec.given>[0], command: Parameters<typeof dossierDecider.decide>[0]) =>
  (errorOf(() => dossierDecider.decide(command, evolveAll(dossierDecider, events))) as DomainRuleViolation | undefined)?.code;

const returnAtDistrict: ReturnDossier = {
  ...receiveAtDistrict,
  type: 'ReturnDossier',
  now: '2024-09-15T09:00:00+07:00',
  reason: 'Thiếu xác nhận hiệu quả áp dụng',
};
const amend: AmendDossier = {
  type: 'AmendDossier',
  actor: COMMUNE_OFFICER,
  now: '2024-09-20T09:00:00+07:00',
  changes: { summary: 'Bổ sung xác nhận hiệu quả áp dụng của UBND xã' },
};
const withdraw: WithdrawDossier = {
  type: 'WithdrawDossier',
  actor: COMMUNE_OFFICER,
  now: '2024-09-20T09:00:00+07:00',
  reason: 'Đơn vị xin rút',
};

describe('dossier decider: drafting', () => {
  it('drafts for the actor’s own unit, which becomes the nominating unit', () => {
    spec.given([]).when(draftCommand).then([DRAFTED]);
  });

  it('refuses a field that does not belong to the campaign', () => {
    spec
      .given([])
      .when({ ...draftCommand, dossier: { ...DRAFT, fieldCode: 'the-thao' } })
      .thenThrows(DomainRuleViolation, /the-thao/);
  });

  it('refuses a year with no opened edition', () => {
    spec
      .given([])
      .when({ ...draftCommand, dossier: { ...DRAFT, year: 2019 } })
      .thenThrows(DomainRuleViolation, /2019/);
  });

  it('refuses an attachment over 20 MB and attachments over 50 MB in total', () => {
    const file = (name: string, size: number) => ({ name, sha256: SHA, size, contentType: 'application/pdf' });
    const oversized = { ...DRAFT, attachments: [file('video.mp4', MAX_ATTACHMENT_BYTES + 1)] };
    expect(codeOf([], { ...draftCommand, dossier: oversized })).toBe('attachment-too-large');
    const many = { ...DRAFT, attachments: [1, 2, 3].map((i) => file(`phu-luc-${i}.pdf`, 18 * 1024 * 1024)) };
    expect(codeOf([], { ...draftCommand, dossier: many })).toBe('attachments-too-large');
    const badDigest = { ...DRAFT, attachments: [{ ...file('a.pdf', 1), sha256: 'xyz' }] };
    expect(codeOf([], { ...draftCommand, dossier: badDigest })).toBe('attachment-digest-invalid');
  });

  it('refuses no authors, an individual with several authors and owner shares above 100%', () => {
    expect(codeOf([], { ...draftCommand, dossier: { ...DRAFT, authors: [] } })).toBe('authors-required');
    expect(codeOf([], { ...draftCommand, dossier: { ...DRAFT, applicantKind: 'individual' } })).toBe('individual-single-author');
    const owners = [
      { name: 'A', share: 60 },
      { name: 'B', share: 50 },
    ];
    expect(codeOf([], { ...draftCommand, dossier: { ...DRAFT, owners } })).toBe('owner-shares-exceed');
  });

  it('refuses drafting the same dossier twice and drafting by an agency officer', () => {
    spec
      .given([DRAFTED])
      .when(draftCommand)
      .thenThrows(DomainRuleViolation, /đã tồn tại/);
    spec
      .given([])
      .when({ ...draftCommand, actor: DISTRICT_AGENCY })
      .thenThrows(ForbiddenError);
  });
});

describe('dossier decider: submitting', () => {
  it('submits to the district before the deadline', () => {
    spec.given([DRAFTED]).when(submitToDistrict).then([SUBMITTED]);
  });

  it('accepts a submission on the deadline day, Vietnam time, and refuses one after it', () => {
    spec
      .given([DRAFTED])
      .when({ ...submitToDistrict, now: '2024-10-31T23:30:00+07:00' })
      .thenMatches((e) => expect(e).toHaveLength(1));
    spec
      .given([DRAFTED])
      .when({ ...submitToDistrict, now: '2024-11-01T00:00:01+07:00' })
      .thenThrows(DomainRuleViolation, /quá hạn/);
    spec
      .given([DRAFTED])
      .when({ ...submitToDistrict, deadline: '2024-10-01T17:00:00+07:00', now: '2024-10-01T17:00:01+07:00' })
      .thenThrows(DomainRuleViolation, /quá hạn/);
  });

  it('refuses a level the campaign set no deadline for', () => {
    expect(codeOf([DRAFTED], { ...submitToDistrict, deadline: undefined })).toBe('level-not-open');
  });

  it('refuses an officer of another unit, even of the same district', () => {
    const neighbour = actorAt('unit-officer', 'commune', path('vinhLocA'));
    spec
      .given([DRAFTED])
      .when({ ...submitToDistrict, actor: neighbour })
      .thenThrows(ForbiddenError, /vn-hcm-binh-chanh-tan-kien/);
    spec
      .given([DRAFTED])
      .when({ ...submitToDistrict, actor: { ...COMMUNE_OFFICER, role: 'auditor' } })
      .thenThrows(ForbiddenError);
  });

  it('refuses a jurisdiction the nominating unit does not belong to', () => {
    const cuChi = { unitId: 'vn-hcm-cu-chi', level: 'district' as const, unitPath: path('cuChi') };
    expect(codeOf([DRAFTED], { ...submitToDistrict, jurisdiction: cuChi })).toBe('jurisdiction-not-above-unit');
  });

  it('refuses submitting twice and submitting a withdrawn dossier', () => {
    expect(codeOf([DRAFTED, SUBMITTED], submitToDistrict)).toBe('not-submittable');
    const withdrawn = { type: E.DossierWithdrawn, data: { dossierId: DOSSIER_ID, reason: 'x', withdrawnAt: withdraw.now } } as const;
    expect(codeOf([DRAFTED, withdrawn], submitToDistrict)).toBe('not-submittable');
  });

  it('refuses commands on a dossier that does not exist', () => {
    spec.given([]).when(submitToDistrict).thenThrows(NotFoundError);
  });
});

describe('dossier decider: receiving', () => {
  it('is received by the agency assigned to the field at the district, carrying the dossier facts', () => {
    spec.given([DRAFTED, SUBMITTED]).when(receiveAtDistrict).then([RECEIVED_AT_DISTRICT]);
  });

  it('refuses an agency officer of another unit than the assigned one', () => {
    const vhtt = actorAt('agency-officer', 'district', path('binhChanhVhtt'));
    spec
      .given([DRAFTED, SUBMITTED])
      .when({ ...receiveAtDistrict, actor: vhtt })
      .thenThrows(ForbiddenError, /phong-noi-vu/);
  });

  it('refuses a unit officer of the assigned agency (role matters too)', () => {
    const clerk = actorAt('unit-officer', 'district', path('binhChanhNoiVu'));
    spec
      .given([DRAFTED, SUBMITTED])
      .when({ ...receiveAtDistrict, actor: clerk })
      .thenThrows(ForbiddenError);
  });

  it('refuses when no agency is assigned for the field at that level', () => {
    expect(codeOf([DRAFTED, SUBMITTED], { ...receiveAtDistrict, assignedAgencyUnitId: undefined })).toBe('no-receiving-agency');
  });

  it('refuses receiving twice at the same level', () => {
    spec
      .given(AT_DISTRICT)
      .when(receiveAtDistrict)
      .thenThrows(DomainRuleViolation, /đã được tiếp nhận/);
  });

  it('refuses receiving at a level the dossier is not at, and a draft', () => {
    expect(codeOf([DRAFTED, SUBMITTED], receiveAtCity)).toBe('wrong-level');
    expect(codeOf([DRAFTED], { ...receiveAtDistrict })).toBe('wrong-level');
  });
});

describe('dossier decider: returning, amending, re-submitting', () => {
  it('returns a received dossier with a reason (hồ sơ bị trả lại)', () => {
    spec.given(AT_DISTRICT).when(returnAtDistrict).then([RETURNED_AT_DISTRICT]);
  });

  it('refuses a return without a reason and a return of a dossier not received', () => {
    expect(codeOf(AT_DISTRICT, { ...returnAtDistrict, reason: '  ' })).toBe('reason-required');
    expect(codeOf([DRAFTED, SUBMITTED], returnAtDistrict)).toBe('return-only-received');
  });

  it('amends only a returned dossier', () => {
    spec
      .given([...AT_DISTRICT, RETURNED_AT_DISTRICT])
      .when(amend)
      .then([{ type: E.DossierAmended, data: { dossierId: DOSSIER_ID, changes: amend.changes, amendedAt: amend.now } }]);
    expect(codeOf(AT_DISTRICT, amend)).toBe('amend-only-returned');
    expect(codeOf([DRAFTED], amend)).toBe('amend-only-returned');
  });

  it('checks the amended dossier like a new one', () => {
    expect(codeOf([...AT_DISTRICT, RETURNED_AT_DISTRICT], { ...amend, changes: { applicantKind: 'individual' } })).toBe(
      'individual-single-author',
    );
    expect(codeOf([...AT_DISTRICT, RETURNED_AT_DISTRICT], { ...amend, changes: {} })).toBe('no-changes');
  });

  it('re-submits a returned dossier to the same jurisdiction, which receives it again', () => {
    const amended = { type: E.DossierAmended, data: { dossierId: DOSSIER_ID, changes: amend.changes, amendedAt: amend.now } } as const;
    const history = [...AT_DISTRICT, RETURNED_AT_DISTRICT, amended];
    spec
      .given(history)
      .when({ ...submitToDistrict, now: amend.now })
      .thenMatches(([e]) => expect(e.type).toBe(E.DossierSubmitted));
    const resubmitted = { ...SUBMITTED, data: { ...SUBMITTED.data, submittedAt: amend.now } } as typeof SUBMITTED;
    spec
      .given([...history, resubmitted])
      .when(receiveAtDistrict)
      .thenMatches(([e]) => expect(e.data).toMatchObject({ dossier: { summary: amend.changes.summary } }));
    const cuChi = { unitId: 'vn-hcm-cu-chi', level: 'district' as const, unitPath: path('cuChi') };
    expect(codeOf(history, { ...submitToDistrict, jurisdiction: cuChi })).toBe('resubmit-elsewhere');
  });
});

describe('dossier decider: withdrawing', () => {
  it('withdraws before forwarding', () => {
    spec
      .given(AT_DISTRICT)
      .when(withdraw)
      .then([{ type: E.DossierWithdrawn, data: { dossierId: DOSSIER_ID, reason: 'Đơn vị xin rút', withdrawnAt: withdraw.now } }]);
  });

  it('refuses withdrawing after forwarding, even once received above', () => {
    expect(codeOf([...AT_DISTRICT, FORWARDED_TO_CITY], withdraw)).toBe('withdraw-after-forwarding');
    expect(codeOf(AT_CITY, withdraw)).toBe('withdraw-after-forwarding');
  });

  it('refuses withdrawing twice, and by anyone but the nominating unit', () => {
    const withdrawn = { type: E.DossierWithdrawn, data: { dossierId: DOSSIER_ID, reason: 'x', withdrawnAt: withdraw.now } } as const;
    expect(codeOf([DRAFTED, withdrawn], withdraw)).toBe('already-withdrawn');
    spec
      .given(AT_DISTRICT)
      .when({ ...withdraw, actor: DISTRICT_AGENCY })
      .thenThrows(ForbiddenError);
  });
});

describe('dossier decider: forwarding up the levels', () => {
  const DECIDED = [...AT_DISTRICT, OVERRIDE_AT_DISTRICT];
  const overrideAtDistrict = {
    type: 'DecideForwardingOverride' as const,
    actor: actorAt('authority', 'district', path('binhChanh')),
    now: '2024-10-01T09:00:00+07:00',
    level: 'district' as const,
    decisionRef: '512/UBND-NV',
    reason: 'Hội đồng cấp huyện chưa họp kịp hạn của Thành phố',
  };

  it('forwards a received dossier one level up to the parent jurisdiction, after the authority decided so', () => {
    spec.given(DECIDED).when(forwardToCity).then([FORWARDED_TO_CITY]);
  });

  it('refuses a forward by hand without a council recommendation or an override decision', () => {
    expect(codeOf(AT_DISTRICT, forwardToCity)).toBe('forwarding-needs-decision');
    expect(codeOf(DECIDED, { ...forwardToCity, basis: 'agency-appraisal' })).toBe('forwarding-basis-invalid');
  });

  it("records the competent authority's override decision with its reason, and only theirs", () => {
    spec.given(AT_DISTRICT).when(overrideAtDistrict).then([OVERRIDE_AT_DISTRICT]);
    spec
      .given(AT_DISTRICT)
      .when({ ...overrideAtDistrict, actor: DISTRICT_AGENCY })
      .thenThrows(ForbiddenError);
    spec
      .given(AT_DISTRICT)
      .when({ ...overrideAtDistrict, actor: actorAt('authority', 'district', path('cuChi')) })
      .thenThrows(ForbiddenError);
    expect(codeOf(AT_DISTRICT, { ...overrideAtDistrict, reason: ' ' })).toBe('reason-required');
    expect(codeOf([DRAFTED, SUBMITTED], overrideAtDistrict)).toBe('override-only-received');
  });

  it("is received at the next level by that level's agency, keeping the same identity", () => {
    spec
      .given([...AT_DISTRICT, FORWARDED_TO_CITY])
      .when(receiveAtCity)
      .then([RECEIVED_AT_CITY]);
    spec
      .given([...AT_DISTRICT, FORWARDED_TO_CITY])
      .when({ ...receiveAtCity, actor: DISTRICT_AGENCY })
      .thenThrows(ForbiddenError);
  });

  it('refuses forwarding twice from the same level', () => {
    spec
      .given([...AT_DISTRICT, FORWARDED_TO_CITY])
      .when(forwardToCity)
      .thenThrows(DomainRuleViolation, /đã được chuyển/);
    expect(codeOf(AT_CITY, forwardToCity)).toBe('already-forwarded');
  });

  it('refuses skipping a level and a jurisdiction that is not the parent', () => {
    expect(codeOf(DECIDED, { ...forwardToCity, toLevel: 'central', toJurisdictionUnitId: 'vn' })).toBe('level-skip');
    expect(codeOf(DECIDED, { ...forwardToCity, toJurisdictionUnitId: 'vn-ha-nam' })).toBe('not-parent-jurisdiction');
  });

  it('refuses forwarding before receipt, and by another agency', () => {
    expect(codeOf([DRAFTED, SUBMITTED], forwardToCity)).toBe('forward-only-received');
    spec
      .given(DECIDED)
      .when({ ...forwardToCity, actor: CITY_AGENCY })
      .thenThrows(ForbiddenError);
  });

  it('forwards from the city to central, and no further', () => {
    const centralAgency = actorAt('agency-officer', 'central', path('centralMttq'));
    const toCentral = {
      ...forwardToCity,
      actor: CITY_AGENCY,
      fromLevel: 'province' as const,
      toLevel: 'central' as const,
      toJurisdictionUnitId: 'vn',
      assignedAgencyUnitId: 'vn-hcm-so-khcn',
    };
    const [forwarded] = dossierDecider.decide(
      toCentral,
      evolveAll(dossierDecider, [
        ...AT_CITY,
        {
          ...OVERRIDE_AT_DISTRICT,
          data: { ...OVERRIDE_AT_DISTRICT.data, level: 'province', jurisdictionUnitId: 'vn-hcm' },
        } as DossierEvent,
      ]),
    );
    expect(forwarded.data).toMatchObject({ fromJurisdictionUnitId: 'vn-hcm', toJurisdictionUnitPath: ['vn'] });
    const receiveAtCentral = { ...receiveAtCity, level: 'central' as const, actor: centralAgency, assignedAgencyUnitId: 'vn-mttq' };
    const [received] = dossierDecider.decide(receiveAtCentral, evolveAll(dossierDecider, [...AT_CITY, forwarded]));
    const atCentral = [...AT_CITY, forwarded, received];
    expect(evolveAll(dossierDecider, atCentral).lineage.map((l) => l.level)).toEqual(['district', 'province', 'central']);
    const beyond = { ...toCentral, fromLevel: 'central' as const, actor: centralAgency, assignedAgencyUnitId: 'vn-mttq' };
    expect(codeOf(atCentral, beyond)).toBe('no-level-above');
  });

  it("forwards on a council's recommendation when recorded by the platform with the decision", () => {
    const byCouncil = {
      ...forwardToCity,
      actor: systemActor('submissions'),
      basis: 'council-recommendation' as const,
      assignedAgencyUnitId: undefined,
    };
    spec
      .given(AT_DISTRICT)
      .when(byCouncil)
      .thenMatches(([e]) => expect(e.data).toMatchObject({ basis: 'council-recommendation', decisionRef: '512/UBND-NV' }));
    expect(codeOf(AT_DISTRICT, { ...byCouncil, decisionRef: undefined })).toBe('decision-required');
    spec
      .given(AT_DISTRICT)
      .when({ ...byCouncil, actor: DISTRICT_AGENCY })
      .thenThrows(ForbiddenError);
    // The platform records it, not an administrator acting in its name.
    const admin = { id: 'admin', role: 'admin' as const, unitId: 'vn', level: 'central' as const, unitPath: ['vn'] };
    spec
      .given(AT_DISTRICT)
      .when({ ...byCouncil, actor: admin })
      .thenThrows(ForbiddenError);
  });
});

describe('dossier state', () => {
  it('tracks level, status and lineage across levels', () => {
    const state = evolveAll(dossierDecider, AT_CITY);
    expect(state).toMatchObject({ status: 'received', currentLevel: 'province' });
    expect(state.lineage).toEqual([
      {
        level: 'district',
        jurisdictionUnitId: 'vn-hcm-binh-chanh',
        jurisdictionUnitPath: path('binhChanh'),
        submittedOrForwardedAt: submitToDistrict.now,
        receivedAt: receiveAtDistrict.now,
        receivedBy: 'vn-hcm-binh-chanh-phong-noi-vu',
        forwardedAt: forwardToCity.now,
        decisionRef: '512/UBND-NV',
      },
      {
        level: 'province',
        jurisdictionUnitId: 'vn-hcm',
        jurisdictionUnitPath: path('hcm'),
        submittedOrForwardedAt: forwardToCity.now,
        receivedAt: receiveAtCity.now,
        receivedBy: 'vn-hcm-so-khcn',
      },
    ]);
  });
});
