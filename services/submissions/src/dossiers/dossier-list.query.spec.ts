import { actorAt, path } from '../shared/actors.fixtures';
import { dossierListFilter } from './dossier-list.query';
import { visibleDossiersFilter } from './dossier-visibility.policy';

describe('dossier list filter', () => {
  const officer = actorAt('unit-officer', 'commune', path('tanKien'));

  it('always ANDs the visibility rule with the criteria', () => {
    expect(dossierListFilter(officer, {})).toEqual({ $and: [visibleDossiersFilter(officer)] });
    expect(dossierListFilter(officer, { unitId: 'vn-hcm-binh-chanh', year: 2024, status: 'received' })).toEqual({
      $and: [visibleDossiersFilter(officer), { nominatingUnitPath: 'vn-hcm-binh-chanh' }, { status: 'received' }, { year: 2024 }],
    });
  });

  it('folds the query like the stored search text, one escaped regex per word', () => {
    const { $and } = dossierListFilter(officer, { q: '  Sáng   KIẾN (đề) ' }) as { $and: unknown[] };
    expect($and.slice(1)).toEqual([
      { searchText: { $regex: 'sang' } },
      { searchText: { $regex: 'kien' } },
      { searchText: { $regex: '\\(de\\)' } },
    ]);
  });
});
