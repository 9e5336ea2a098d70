import sift from 'sift';
import { Actor } from '@cem/contracts';
import { actorAt, path } from '../shared/actors.fixtures';
import { applyDossierList, DossierListDoc } from './dossier-list.projection';
import { canView, visibleDossiersFilter } from './dossier-visibility.policy';
import { AT_CITY, AT_DISTRICT, DRAFTED, FORWARDED_TO_CITY, SUBMITTED } from './dossier.fixtures';
import type { DossierEvent } from './dossier.state';
import { recorded } from './recorded.fixtures';

const fold = (events: DossierEvent[]) => recorded(events).reduce<DossierListDoc | null>(applyDossierList, null)!;

const draft = fold([DRAFTED]);
const atDistrict = fold([DRAFTED, SUBMITTED]);
const forwarded = fold([...AT_DISTRICT, FORWARDED_TO_CITY]);
const atCity = fold(AT_CITY);

const nominating = actorAt('unit-officer', 'commune', path('tanKien'));
const neighbourCommune = actorAt('unit-officer', 'commune', path('vinhLocA'));
const districtAgency = actorAt('agency-officer', 'district', path('binhChanhNoiVu'));
const otherDistrict = actorAt('agency-officer', 'district', path('cuChiNoiVu'));
const cityAgency = actorAt('agency-officer', 'province', path('hcmSoKhcn'));
const otherProvince = actorAt('agency-officer', 'province', path('haNam'));
const central = actorAt('agency-officer', 'central', path('centralMttq'));
const auditor = actorAt('auditor', 'province', path('haNam'));
const author = { ...actorAt('submitter', 'commune', path('vinhLocA')), id: 'p-duc' };
const centralAdmin = actorAt('admin', 'central', ['vn']);
const hcmAdmin = actorAt('admin', 'province', ['vn', 'vn-hcm']);
const haNamAdmin = actorAt('admin', 'province', path('haNam'));

describe('canView', () => {
  it('shows a draft only to its unit, its authors and auditors', () => {
    expect([nominating, author, auditor].every((a) => canView(a, draft))).toBe(true);
    expect([neighbourCommune, districtAgency, cityAgency].some((a) => canView(a, draft))).toBe(false);
  });

  it("hides a district's dossier from other districts and from neighbouring communes", () => {
    expect(canView(districtAgency, atDistrict)).toBe(true);
    expect(canView(otherDistrict, atDistrict)).toBe(false);
    expect(canView(neighbourCommune, atDistrict)).toBe(false);
  });

  it("shows a district's dossier to its province only once forwarded there", () => {
    expect(canView(cityAgency, atDistrict)).toBe(false);
    expect(canView(cityAgency, forwarded)).toBe(true);
    expect(canView(otherProvince, forwarded)).toBe(false);
    // The district keeps seeing what it forwarded.
    expect(canView(districtAgency, atCity)).toBe(true);
  });

  it('shows central nothing until forwarded to central, and auditors everything', () => {
    expect(canView(central, atCity)).toBe(false);
    expect([draft, atDistrict, forwarded, atCity].every((d) => canView(auditor, d))).toBe(true);
  });

  it("shows an administrator every dossier of their jurisdiction, drafts included, and none of another's", () => {
    const all = [draft, atDistrict, forwarded, atCity];
    expect(all.every((d) => canView(centralAdmin, d))).toBe(true);
    expect(all.every((d) => canView(hcmAdmin, d))).toBe(true);
    expect(all.some((d) => canView(haNamAdmin, d))).toBe(false);
  });

  it('agrees with the list filter for every actor and dossier', () => {
    const docs = [draft, atDistrict, forwarded, atCity].map((d, i) => ({ ...d, _id: `d${i}` }));
    const actors: Actor[] = [
      nominating,
      neighbourCommune,
      districtAgency,
      otherDistrict,
      cityAgency,
      otherProvince,
      central,
      auditor,
      author,
      centralAdmin,
      hcmAdmin,
      haNamAdmin,
    ];
    for (const actor of actors) {
      const byFilter = docs.filter(sift(visibleDossiersFilter(actor))).map((d) => d._id);
      const byRule = docs.filter((d) => canView(actor, d)).map((d) => d._id);
      expect({ actor: actor.id, ids: byFilter }).toEqual({ actor: actor.id, ids: byRule });
    }
  });
});
