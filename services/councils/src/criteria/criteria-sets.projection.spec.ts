import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { project } from '../councils/projection.fixtures';
import { CRITERIA_CONTENT, criteriaV1, criteriaV2 } from './criteria-set.fixtures';
import { criteriaSetsProjection } from './criteria-sets.projection';

describe('criteria sets read model', () => {
  it('shows the pending draft, then the version in force with flat fields to filter and sort on', () => {
    const drafted = project(criteriaSetsProjection, [{ type: E.CriteriaSetDrafted, data: { ...CRITERIA_CONTENT, version: 1 } }]);
    expect(drafted.get('dkst-2019-khcn')).toMatchObject({ draftVersion: 1, publishedVersions: [] });
    expect(drafted.get('dkst-2019-khcn')?.current).toBeUndefined();

    const docs = project(criteriaSetsProjection, [
      { type: E.CriteriaSetDrafted, data: { ...CRITERIA_CONTENT, version: 1 } },
      { type: E.CriteriaSetPublished, data: criteriaV1 },
      { type: E.CriteriaSetDrafted, data: { ...CRITERIA_CONTENT, version: 2 } },
      { type: E.CriteriaSetPublished, data: criteriaV2 },
    ]);
    const doc = docs.get('dkst-2019-khcn')!;
    expect(doc).toMatchObject({
      campaignId: 'dkst',
      year: 2019,
      fieldCode: 'khcn',
      inForceVersion: 2,
      publishedAt: criteriaV2.publishedAt,
      publishedVersions: [1, 2],
    });
    expect(doc.draftVersion).toBeUndefined();
    expect(doc.current).toEqual(criteriaV2);
  });
});
