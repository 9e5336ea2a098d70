import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { Client } from 'pg';
import { createPostgresEventStore } from '@cem/event-store';
import { testPgUrl } from '@cem/event-store/testing';
import { createMongoDocumentStore } from '@cem/read-models';
import { testMongoUrl } from '@cem/read-models/testing';
import { distributedNames } from '@cem/service-kit';

const root = join(__dirname, '..', '..');

function rebuild(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['-r', join(root, 'tools', 'register.js'), join(__dirname, 'rebuild.cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, CEM_PG_URL: testPgUrl(), CEM_MONGO_URL: testMongoUrl(), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

async function schemaExists(schema: string): Promise<boolean> {
  const pg = new Client({ connectionString: testPgUrl() });
  await pg.connect();
  try {
    return (await pg.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).rows.length > 0;
  } finally {
    await pg.end();
  }
}

describe('npm run rebuild -- <service> --check-only', () => {
  const prefix = `r${randomBytes(4).toString('hex')}_`;
  const { schema, database } = distributedNames('councils', prefix);

  afterAll(async () => {
    const pg = new Client({ connectionString: testPgUrl() });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.end();
    const documents = await createMongoDocumentStore({ url: testMongoUrl(), dbName: database });
    await documents.dropDatabase();
    await documents.close();
  });

  it('refuses a store that does not exist (exit 2) and creates nothing, instead of a false green', async () => {
    const result = rebuild(['councils', '--check-only'], { CEM_NAME_PREFIX: prefix });
    expect(result.status).toBe(2);
    expect(result.out).toMatch(/store-not-found/);
    expect(result.out).not.toMatch(/equal a replay/);
    expect(await schemaExists(schema)).toBe(false);
  });

  it('finds the store named by CEM_NAME_PREFIX, as the services do', async () => {
    const store = await createPostgresEventStore({ connectionString: testPgUrl(), schema });
    await store.close();
    const result = rebuild(['councils', '--check-only'], { CEM_NAME_PREFIX: prefix });
    expect(result.out).toMatch(/equal a replay/);
    expect(result.status).toBe(0);
  });
});
