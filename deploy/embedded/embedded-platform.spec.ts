import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { DEMO_USERS } from '@cem/identity';
import { EmbeddedPlatform, startEmbeddedPlatform } from './embedded-platform';
import { PLATFORM_SERVICES } from './services';

// The embedded default has no server at all: PGlite stores on disk, in-process bus, in-memory read models.
const onFreePorts = PLATFORM_SERVICES.map((s) => ({ ...s, port: 0, metricsPort: 0 }));

async function eventually<T>(check: () => Promise<T>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('embedded platform (npm start)', () => {
  // Four PGlite databases started twice, the units seeded and archived: 260 s at a load average of 20 on 2 cores.
  jest.setTimeout(600000);
  const dataDir = mkdtempSync(join(tmpdir(), 'cem-embedded-'));
  let platform: EmbeddedPlatform | undefined;
  const url = (context: string) => platform!.services.find((s) => s.definition.context === context)!.url;

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs all four services in one process, carries events between them and keeps data across a restart', async () => {
    platform = await startEmbeddedPlatform({ dataDir, services: onFreePorts });
    const admin = await platform.issuer.mint(DEMO_USERS.admin);
    const auditor = await platform.issuer.mint(DEMO_USERS.auditor);

    const seeded = await request(url('submissions')).post('/units/seed').set('Authorization', `Bearer ${admin}`);
    expect(seeded.status).toBeLessThan(300);
    const units = await eventually(async () => {
      const res = await request(url('submissions')).get('/units').set('Authorization', `Bearer ${admin}`).expect(200);
      const list = Array.isArray(res.body) ? res.body : res.body.items;
      expect(list.length).toBeGreaterThan(20);
      return list as Array<{ _id?: string; unitId?: string }>;
    });
    // Reporting archived the submissions events through the in-process bus, hash chain intact.
    const archived = await eventually(async () => {
      const res = await request(url('reporting')).get('/audit/verify').set('Authorization', `Bearer ${auditor}`).expect(200);
      expect(res.body.ok).toBe(true);
      expect(res.body.eventsChecked).toBe(units.length);
      return res.body.eventsChecked as number;
    });

    await platform.stop();
    platform = await startEmbeddedPlatform({ dataDir, services: onFreePorts });
    const token = await platform.issuer.mint(DEMO_USERS.admin); // same key, loaded from the data dir
    const after = await eventually(async () => {
      const res = await request(url('submissions')).get('/units').set('Authorization', `Bearer ${token}`).expect(200);
      const list = Array.isArray(res.body) ? res.body : res.body.items;
      expect(list.length).toBe(units.length);
      return list as unknown[];
    });
    expect(after.length).toBe(units.length);
    const verify = await request(url('reporting'))
      .get('/audit/verify')
      .set('Authorization', `Bearer ${await platform.issuer.mint(DEMO_USERS.auditor)}`)
      .expect(200);
    expect(verify.body.eventsChecked).toBe(archived); // nothing re-archived twice after the restart
  });
});
