import { Writable } from 'stream';
import request from 'supertest';
import { DEMO_USERS } from '@cem/identity';
import { runRebuildCli, verifyRebuild } from '@cem/read-models';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../../services/submissions/src/submissions.service';

const quiet = new Writable({ write: (_chunk, _enc, done) => done() });

describe('read-model rebuild on the real servers (npm run rebuild)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE]);
  });
  afterAll(async () => {
    await platform.stop();
  });

  it('live equals a replay from 0; a corrupted document is found; a rebuild makes them equal again', async () => {
    const admin = await platform.token({ ...DEMO_USERS.admin, id: DEMO_USERS.admin.sub });
    const seeded = await request(platform.url('submissions')).post('/units/seed').set('Authorization', `Bearer ${admin}`);
    expect(seeded.status).toBeLessThan(300);
    const { infra } = platform.service('submissions');
    await infra.readModelsCaughtUp();
    const projections = SUBMISSIONS_SERVICE.projections;

    expect((await verifyRebuild(infra.store, infra.documents, projections)).equal).toBe(true);

    const units = infra.documents.collection('units');
    const [first] = await units.find({}, { limit: 1, sort: { _id: 1 } });
    expect(first).toBeDefined();
    await units.putMany([{ ...first, name: 'tampered' }]);
    const broken = await verifyRebuild(infra.store, infra.documents, projections);
    expect(broken.equal).toBe(false);
    expect(broken.differences.map((d) => d.id)).toContain(first._id);

    const result = await runRebuildCli({ store: infra.store, documents: infra.documents, projections, verify: true, out: quiet });
    expect(result.rebuild.events).toBeGreaterThan(20);
    expect(result.verification?.equal).toBe(true);
    expect((await units.get(first._id))?.name).toBe(first.name);
  });
});
