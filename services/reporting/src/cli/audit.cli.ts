import 'reflect-metadata';
import { Command } from 'commander';
import { CommandOutcome, historyCommand, StoreLocation, verifyChainCommand, verifyExportCommand } from './audit.commands';

const DEFAULT_PG_URL = 'postgres://cem:cem@127.0.0.1:5432/cem';

const location = (options: { schema: string }): StoreLocation => ({
  pgUrl: process.env.CEM_PG_URL ?? DEFAULT_PG_URL,
  schema: options.schema,
});

async function report(outcome: Promise<CommandOutcome>): Promise<void> {
  const { ok, lines } = await outcome;
  for (const line of lines) console.log(line);
  // A broken chain fails the command, so scripts and schedulers notice.
  process.exitCode = ok ? 0 : 1;
}

const program = new Command('audit').description('Audit the event archive: decision histories and tamper evidence (CEM_PG_URL)');

program
  .command('history')
  .description('decision history of a dossier or a proposal, in causal order')
  .option('--dossier <id>', 'dossier id')
  .option('--proposal <id>', 'proposal id')
  .option('--schema <schema>', 'event store schema (the reporting archive)', 'reporting')
  .action((o: { dossier?: string; proposal?: string; schema: string }) => {
    if (!o.dossier && !o.proposal) program.error('give --dossier <id> or --proposal <id>');
    return report(historyCommand(location(o), o.dossier ? { dossierId: o.dossier } : { proposalId: o.proposal! }));
  });

program
  .command('verify-chain')
  .description('re-hash every stream of a store; prints the first broken link or OK')
  .option('--schema <schema>', 'event store schema', 'reporting')
  .action((o: { schema: string }) => report(verifyChainCommand(location(o))));

program
  .command('verify-export <file>')
  .description('re-verify an exported history (GET /audit/export) offline')
  .action((file: string) => report(verifyExportCommand(file)));

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
