import { compositionOn } from './composition';
import { councilCompositionProjection } from './council-composition.projection';
import { councilEstablished, khcnReplacedInJune } from './council.fixtures';
import { project } from './projection.fixtures';

describe('council composition read model', () => {
  const doc = project(councilCompositionProjection, [councilEstablished(), khcnReplacedInJune]).get('hd-ha-nam')!;

  it('keeps the membership history so the on-date question is answered from the document', () => {
    const on = (date: string) => compositionOn(doc, date).map((t) => t.memberId);
    expect(on('2019-05-31')).toContain('m-khcn');
    expect(on('2019-08-12')).toContain('m-khcn-2');
    expect(on('2019-08-12')).not.toContain('m-khcn');
  });

  it('is keyed by council and carries its regulations', () => {
    expect(doc).toMatchObject({ _id: 'hd-ha-nam', level: 'province', regulations: { quorum: 3 } });
  });
});
