import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { asJson, ASYNCAPI_FILE, EVENTS_FILE, platformAsyncApi, platformEventsMarkdown, platformOpenApi } from './contract-documents';

/**
 * `npm run contracts:generate` rewrites docs/asyncapi.json and docs/events.md from the event contracts
 * (commit them: a test fails when they drift). `-- --openapi <dir>` also writes each service's OpenAPI
 * document there (`<context>.openapi.json`), e.g. for a typed client generator, without starting anything.
 */
async function main(): Promise<void> {
  writeFileSync(ASYNCAPI_FILE, asJson(platformAsyncApi()));
  writeFileSync(EVENTS_FILE, platformEventsMarkdown());
  console.log(`wrote ${ASYNCAPI_FILE}\nwrote ${EVENTS_FILE}`);
  const at = process.argv.indexOf('--openapi');
  if (at > 0) {
    const dir = resolve(process.argv[at + 1] ?? 'openapi');
    mkdirSync(dir, { recursive: true });
    for (const { context, document } of await platformOpenApi()) {
      const file = join(dir, `${context}.openapi.json`);
      writeFileSync(file, asJson(document));
      console.log(`wrote ${file}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
