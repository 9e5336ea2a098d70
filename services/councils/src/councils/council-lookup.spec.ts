import { DomainRuleViolation } from '@cem/contracts';
import { EmbeddedDocumentStore } from '@cem/read-models';
import type { ServiceInfra } from '@cem/service-kit';
import { councilAfter, councilEstablished } from './council.fixtures';
import { CouncilCompositionDoc, councilCompositionProjection } from './council-composition.projection';
import { findCouncilFor, requireCouncilFor } from './council-lookup';

async function infraWith(councils: CouncilCompositionDoc[]): Promise<ServiceInfra> {
  const documents = new EmbeddedDocumentStore();
  await documents.collection<CouncilCompositionDoc>(councilCompositionProjection.collection).putMany(councils);
  return { documents } as unknown as ServiceInfra;
}

const doc = (councilId: string, fieldCodes: string[]): CouncilCompositionDoc => ({
  ...councilAfter([councilEstablished({ councilId, fieldCodes })]),
  _id: councilId,
});

describe('finding the council for a received dossier', () => {
  const scope = { level: 'province' as const, jurisdictionUnitId: 'vn-ha-nam', fieldCode: 'khcn' };

  it('prefers a council named for the field over a general one', async () => {
    const infra = await infraWith([doc('hd-chung', []), doc('hd-khcn', ['khcn']), doc('hd-vhnt', ['vhnt'])]);
    expect((await findCouncilFor(infra, scope))?.councilId).toBe('hd-khcn');
    expect((await findCouncilFor(infra, { ...scope, fieldCode: 'nong-nghiep' }))?.councilId).toBe('hd-chung');
  });

  it('refuses with no-council when nobody sits for the level, unit and field', async () => {
    const infra = await infraWith([doc('hd-vhnt', ['vhnt'])]);
    await expect(requireCouncilFor(infra, scope)).rejects.toThrow(DomainRuleViolation);
    await expect(requireCouncilFor(infra, { ...scope, level: 'district' })).rejects.toMatchObject({ code: 'no-council' });
  });
});
