// `npm start`: the whole platform on its embedded default, with the portal in front of it on one origin.
// Data stays in ./data (CEM_DATA_DIR); CEM_PORT moves the portal (default 3000) and the services after it.
// For before/after measurements, the paths before issue 17 section 5: CEM_READ_MODEL_SNAPSHOTS=off keeps the read
// models in memory only (rebuilt from the logs at every start), CEM_PGLITE_SHARED_BUFFERS=128MB gives each PGlite
// PostgreSQL's default cache again.
import 'reflect-metadata';
import { resolve } from 'path';
import { startEmbeddedWithPortal } from './launch';

async function main() {
  const dataDir = resolve(process.env.CEM_DATA_DIR ?? 'data');
  process.env.CEM_DATA_DIR = dataDir;
  const port = Number(process.env.CEM_PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
  console.log(`Cổng thông tin (portal): http://${shown}:${port}  — đang khởi động...`);
  const started = await startEmbeddedWithPortal({
    dataDir,
    port,
    host,
    demoScenario: process.env.CEM_DEMO_SCENARIO !== 'off',
    ports: {
      readModelSnapshots: process.env.CEM_READ_MODEL_SNAPSHOTS !== 'off',
      pgliteSharedBuffers: process.env.CEM_PGLITE_SHARED_BUFFERS || undefined,
    },
  });
  console.log(`\nCổng thông tin (portal): ${started.gateway.url}`);
  console.log(`Nền tảng Phong trào thi đua sáng tạo — embedded, data in ${dataDir}`);
  for (const s of started.platform.services) {
    console.log(
      `  ${s.definition.context.padEnd(12)} ${started.gateway.url}/api/${s.definition.context}  (direct: ${s.url}, OpenAPI: ${s.url}/docs, metrics for the scraper: ${s.metricsUrl}/metrics)`,
    );
  }
  if (started.demo?.created)
    console.log(`  demo: campaign ${started.demo.campaignId} (${started.demo.year}), council ${started.demo.councilId}`);
  console.log('\nSign in at the address above as any demo user; `npm run token -- --demo <key>` prints an API token.');
  const shutdown = async () => {
    await started.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
