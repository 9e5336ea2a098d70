// `npm start`: the whole platform on its embedded default. Data stays in ./data (CEM_DATA_DIR).
import 'reflect-metadata';
import { resolve } from 'path';
import { DEMO_USERS } from '@cem/identity';
import { startEmbeddedPlatform } from './embedded-platform';
import { PLATFORM_SERVICES } from './services';

async function main() {
  const dataDir = resolve(process.env.CEM_DATA_DIR ?? 'data');
  process.env.CEM_DATA_DIR = dataDir;
  const platform = await startEmbeddedPlatform({ dataDir, services: PLATFORM_SERVICES, host: process.env.HOST });
  console.log(`\nNền tảng Phong trào thi đua sáng tạo — embedded, data in ${dataDir}`);
  for (const s of platform.services) {
    console.log(`  ${s.definition.context.padEnd(12)} ${s.url}  (OpenAPI: ${s.url}/docs; metrics for the scraper: ${s.metricsUrl}/metrics)`);
  }
  console.log('\nDemo tokens (Authorization: Bearer <token>), valid 8 hours:');
  for (const [key, actor] of Object.entries(DEMO_USERS)) {
    console.log(`  ${key} (${actor.role} @ ${actor.unitId}):\n    ${await platform.issuer.mint(actor)}`);
  }
  const shutdown = async () => {
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
