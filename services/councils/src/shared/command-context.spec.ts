import type { Actor } from '@cem/contracts';
import type { ServiceInfra } from '@cem/service-kit';
import { httpCommandContext } from './command-context';

describe('httpCommandContext', () => {
  const actor = { id: 'tv-a', role: 'council-member', unitId: 'vn-ha-nam', level: 'province', unitPath: ['vn', 'vn-ha-nam'] } as Actor;
  const infra = { context: 'councils' } as ServiceInfra;

  it("takes the time a command is decided on from the server's clock", () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(httpCommandContext(infra, actor, undefined, now)).toEqual({ actor, source: 'councils', occurredAt: '2026-11-23T10:00:00.000Z' });
    expect(httpCommandContext(infra, actor, 'Chấm lại', now)).toMatchObject({ occurredAt: now.toISOString(), reason: 'Chấm lại' });
  });
});
