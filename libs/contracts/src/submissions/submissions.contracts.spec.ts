import { EventContractRegistry } from '../event-contract';
import { CaseDossierSnapshot } from '../councils';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SUBMISSIONS_CONTRACTS, SUBMISSIONS_EVENTS as E } from './submissions.contracts';

const snapshot = {
  dossierId: 'hs-1',
  campaignId: 'hcm-sang-tao-2021-2025',
  year: 2024,
  fieldCode: 'khcn',
  type: 'initiative',
  title: 'Sáng kiến số hóa hồ sơ một cửa',
  summary: 'Giảm thời gian tiếp nhận',
  applicantKind: 'collective',
  authors: [{ name: 'Nguyễn Văn An', personId: 'p-1', role: 'Chủ nhiệm' }, { name: 'Trần Thị Bình' }],
  owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
  nominatingUnitId: 'vn-hcm-binh-chanh-tan-kien',
  nominatingUnitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
};

const received = {
  dossierId: 'hs-1',
  level: 'district',
  receivingAgencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
  jurisdictionUnitId: 'vn-hcm-binh-chanh',
  jurisdictionUnitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
  receivedAt: '2024-09-20T09:00:00+07:00',
  dossier: snapshot,
};

describe('submissions event contracts', () => {
  const registry = new EventContractRegistry(SUBMISSIONS_CONTRACTS);

  it('registers every submissions event once, at schema version 1, owned by submissions', () => {
    expect(SUBMISSIONS_CONTRACTS.map((c) => c.type).sort()).toEqual(Object.values(E).sort());
    expect(SUBMISSIONS_CONTRACTS.every((c) => c.context === 'submissions' && c.schemaVersion === 1)).toBe(true);
  });

  it('accepts a DossierReceived whose snapshot is what councils read', () => {
    expect(registry.check(E.DossierReceived, 1, received)).toEqual({ ok: true });
    // The councils context validates the same snapshot with its own class: both must agree.
    expect(validateSync(plainToInstance(CaseDossierSnapshot, received.dossier))).toEqual([]);
  });

  it('validates the nested snapshot, authors included', () => {
    const noAuthors = { ...received, dossier: { ...snapshot, authors: [] } };
    expect(registry.check(E.DossierReceived, 1, noAuthors)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('dossier.authors'),
    });
    const badAuthor = { ...received, dossier: { ...snapshot, authors: [{ name: '' }] } };
    expect(registry.check(E.DossierReceived, 1, badAuthor)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('dossier.authors.0.name'),
    });
  });

  it('refuses an attachment whose digest is not a sha256 and a return without a reason', () => {
    const drafted = {
      ...snapshot,
      attachments: [{ name: 'thuyet-minh.pdf', sha256: 'abc', size: 10, contentType: 'application/pdf' }],
      draftedAt: '2024-09-01T08:00:00+07:00',
    };
    expect(registry.check(E.DossierDrafted, 1, drafted)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('attachments.0.sha256'),
    });
    const returned = {
      dossierId: 'hs-1',
      level: 'district',
      jurisdictionUnitId: 'vn-hcm-binh-chanh',
      reason: '',
      returnedAt: '2024-09-21T00:00:00Z',
    };
    expect(registry.check(E.DossierReturned, 1, returned)).toMatchObject({ ok: false });
  });

  it('refuses an unknown unit kind and a forwarding basis outside the list', () => {
    const unit = {
      unitId: 'vn-hcm',
      name: 'Thành phố Hồ Chí Minh',
      kind: 'ministry',
      level: 'province',
      parentUnitId: 'vn',
      unitPath: ['vn', 'vn-hcm'],
    };
    expect(registry.check(E.UnitRegistered, 1, unit)).toMatchObject({ ok: false, reason: expect.stringContaining('kind') });
    expect(registry.check(E.UnitRegistered, 1, { ...unit, kind: 'people-committee' })).toEqual({ ok: true });
    const forwarded = {
      dossierId: 'hs-1',
      fromLevel: 'district',
      toLevel: 'province',
      fromJurisdictionUnitId: 'vn-hcm-binh-chanh',
      toJurisdictionUnitId: 'vn-hcm',
      toJurisdictionUnitPath: ['vn', 'vn-hcm'],
      forwardedAt: '2024-10-01T00:00:00Z',
      basis: 'because',
    };
    expect(registry.check(E.DossierForwarded, 1, forwarded)).toMatchObject({ ok: false, reason: expect.stringContaining('basis') });
    expect(registry.check(E.DossierForwarded, 1, { ...forwarded, basis: 'agency-appraisal' })).toEqual({ ok: true });
  });
});
