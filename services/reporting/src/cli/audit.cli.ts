import 'reflect-metadata';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { CONTEXTS } from '@cem/contracts';
import type { SignedAnchor } from '@cem/event-store';
import {
  ArchiveLocation,
  CommandOutcome,
  historyCommand,
  StoreLocation,
  verifyChainCommand,
  verifyExportCommand,
  verifyKafkaCommand,
  verifyStoresCommand,
} from './audit.commands';
import { kafkaBrokersFromEnv } from '@cem/messaging';

const DEFAULT_PG_URL = 'postgres://cem:cem@127.0.0.1:5432/cem';
const DEFAULT_MONGO_URL = 'mongodb://127.0.0.1:27017';

const location = (options: { schema: string }): StoreLocation => ({
  pgUrl: process.env.CEM_PG_URL ?? DEFAULT_PG_URL,
  schema: options.schema,
});

/** The archive and, beside it, the reporting service's database holding the audit index (`cem_<schema>` by default). */
const archiveLocation = (options: { schema: string; database?: string }): ArchiveLocation => ({
  ...location(options),
  mongoUrl: process.env.CEM_MONGO_URL ?? DEFAULT_MONGO_URL,
  database: options.database ?? `cem_${options.schema}`,
});

async function report(outcome: Promise<CommandOutcome>): Promise<void> {
  const { ok, lines } = await outcome;
  for (const line of lines) console.log(line);
  // A broken chain fails the command, so scripts and schedulers notice.
  process.exitCode = ok ? 0 : 1;
}

const program = new Command('audit').description(
  'Audit the event archive: decision histories and tamper evidence (CEM_PG_URL, CEM_MONGO_URL, CEM_KAFKA_BROKERS)',
);

program
  .command('history')
  .description(
    "decision history of a dossier or a proposal, in causal order, read through the reporting service's audit index (like GET /audit/.../history)",
  )
  .option('--dossier <id>', 'dossier id')
  .option('--proposal <id>', 'proposal id')
  .option('--schema <schema>', 'event store schema (the reporting archive)', 'reporting')
  .option('--database <db>', "the reporting service's MongoDB database (the audit index); default cem_<schema>")
  .action((o: { dossier?: string; proposal?: string; schema: string; database?: string }) => {
    if (!o.dossier === !o.proposal) program.error('give either --dossier <id> or --proposal <id>');
    return report(historyCommand(archiveLocation(o), o.dossier ? { dossierId: o.dossier } : { proposalId: o.proposal! }));
  });

program
  .command('verify-chain')
  .description('re-hash every stream of a store; prints the first broken link or OK')
  .option('--schema <schema>', 'event store schema', 'reporting')
  .action((o: { schema: string }) => report(verifyChainCommand(location(o))));

program
  .command('verify-stores')
  .description('every store of the deployment: hash chains, each context against the reporting archive, and signed anchors')
  .option('--prefix <prefix>', 'CEM_NAME_PREFIX of the deployment', process.env.CEM_NAME_PREFIX ?? '')
  .option('--anchors <file>', 'signed anchors, one JSON per line (as published to <prefix>cem.anchors)')
  .option('--public-key <file>', 'PEM public key the anchors must be signed with')
  .action((o: { prefix: string; anchors?: string; publicKey?: string }) =>
    report(
      verifyStoresCommand({
        pgUrl: process.env.CEM_PG_URL ?? DEFAULT_PG_URL,
        prefix: o.prefix,
        contexts: [...CONTEXTS],
        anchors: o.anchors
          ? readFileSync(o.anchors, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as SignedAnchor)
          : undefined,
        publicKeyPem: o.publicKey ? readFileSync(o.publicKey, 'utf8') : undefined,
      }),
    ),
  );

program
  .command('verify-kafka')
  .description(
    "read a context's events topic from the beginning; check each message's ce_hash against the reporting archive (or the context's store)",
  )
  .requiredOption('--context <context>', `whose topic: ${CONTEXTS.join(', ')}`)
  .option('--prefix <prefix>', 'CEM_NAME_PREFIX of the deployment', process.env.CEM_NAME_PREFIX ?? '')
  .option('--against <where>', 'archive (the reporting archive) or store (the context own store)', 'archive')
  .action((o: { context: string; prefix: string; against: string }) => {
    if (o.against !== 'archive' && o.against !== 'store') program.error('--against archive|store');
    return report(
      verifyKafkaCommand({
        pgUrl: process.env.CEM_PG_URL ?? DEFAULT_PG_URL,
        brokers: kafkaBrokersFromEnv(),
        prefix: o.prefix,
        context: o.context,
        against: o.against as 'archive' | 'store',
      }),
    );
  });

program
  .command('verify-export <file>')
  .description('re-verify an exported history (GET /audit/export) offline')
  .action((file: string) => report(verifyExportCommand(file)));

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
