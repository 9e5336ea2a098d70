// `npm run rebuild -- <service> [--verify] [--check-only]`: drops a service's read models and replays its
// event log from position 0 with a progress bar (MongoDB/FerretDB and PostgreSQL from CEM_MONGO_URL and
// CEM_PG_URL). --verify then replays again into shadow collections and compares; --check-only compares the
// LIVE read models with a fresh replay without touching them (exit 1 when they differ).
import 'reflect-metadata';
import { Command } from 'commander';
import { createPostgresEventStore } from '@cem/event-store';
import { createMongoDocumentStore, runRebuildCli, verifyRebuild } from '@cem/read-models';
import { PLATFORM_SERVICES } from '../embedded/services';

async function main() {
  const program = new Command('rebuild')
    .argument('<service>', PLATFORM_SERVICES.map((s) => s.definition.context).join(' | '))
    .option('--verify', 'after rebuilding, check that a second replay equals it')
    .option('--check-only', 'compare the live read models with a replay; change nothing')
    .option('--prefix <prefix>', 'schema/database name prefix', '')
    .parse();
  const context = program.args[0];
  const opts = program.opts<{ verify?: boolean; checkOnly?: boolean; prefix: string }>();
  const entry = PLATFORM_SERVICES.find((s) => s.definition.context === context);
  if (!entry) program.error(`unknown service ${context}`);
  const name = `${opts.prefix}${context}`;
  const store = await createPostgresEventStore({ connectionString: process.env.CEM_PG_URL ?? 'postgres://cem:cem@127.0.0.1:5432/cem', schema: name });
  const documents = await createMongoDocumentStore({ url: process.env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017', dbName: `cem_${name}` });
  try {
    const projections = entry!.definition.projections;
    if (opts.checkOnly) {
      const result = await verifyRebuild(store, documents, projections);
      console.log(result.equal ? 'live read models equal a replay from position 0' : JSON.stringify(result.differences, null, 2));
      process.exitCode = result.equal ? 0 : 1;
    } else {
      const result = await runRebuildCli({ store, documents, projections, verify: opts.verify });
      process.exitCode = result.verification && !result.verification.equal ? 1 : 0;
    }
  } finally {
    await store.close();
    await documents.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
