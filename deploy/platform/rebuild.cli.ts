// `npm run rebuild -- <service> [--verify] [--check-only]`: drops a service's read models and replays its
// event log from position 0 with a progress bar (MongoDB/FerretDB and PostgreSQL from CEM_MONGO_URL and
// CEM_PG_URL). --verify then replays again into shadow collections and compares; --check-only compares the
// LIVE read models with a fresh replay without touching them (exit 1 when they differ). The schema and
// database names follow CEM_NAME_PREFIX like the services (or --prefix); a store that does not exist is
// refused (exit 2) rather than created empty.
import 'reflect-metadata';
import { Command } from 'commander';
import { createPostgresEventStore } from '@cem/event-store';
import { createMongoDocumentStore, runRebuildCli, verifyRebuild } from '@cem/read-models';
import { distributedNames } from '@cem/service-kit';
import { Client } from 'pg';
import { PLATFORM_SERVICES } from '../embedded/services';

async function schemaExists(pgUrl: string, schema: string): Promise<boolean> {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'events'`, [
      schema,
    ]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

async function main() {
  const program = new Command('rebuild')
    .argument('<service>', PLATFORM_SERVICES.map((s) => s.definition.context).join(' | '))
    .option('--verify', 'after rebuilding, check that a second replay equals it')
    .option('--check-only', 'compare the live read models with a replay; change nothing')
    .option('--prefix <prefix>', 'schema/database name prefix (default CEM_NAME_PREFIX)', process.env.CEM_NAME_PREFIX ?? '')
    .parse();
  const context = program.args[0];
  const opts = program.opts<{ verify?: boolean; checkOnly?: boolean; prefix: string }>();
  const entry = PLATFORM_SERVICES.find((s) => s.definition.context === context);
  if (!entry) program.error(`unknown service ${context}`);
  const { schema, database } = distributedNames(context, opts.prefix);
  const pgUrl = process.env.CEM_PG_URL ?? 'postgres://cem:cem@127.0.0.1:5432/cem';
  // Opening the store creates its schema: on a misspelt service or prefix that made an empty store whose
  // replay "equalled" the (equally empty) read models, a false green. Refuse a store that does not exist.
  if (!(await schemaExists(pgUrl, schema))) {
    console.error(`Không tìm thấy kho sự kiện "${schema}" (store-not-found): kiểm tra tên dịch vụ và CEM_NAME_PREFIX / --prefix`);
    process.exitCode = 2;
    return;
  }
  const store = await createPostgresEventStore({ connectionString: pgUrl, schema });
  const documents = await createMongoDocumentStore({ url: process.env.CEM_MONGO_URL ?? 'mongodb://127.0.0.1:27017', dbName: database });
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
