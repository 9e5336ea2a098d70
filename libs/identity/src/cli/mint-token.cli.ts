import 'reflect-metadata';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ADMINISTRATIVE_LEVELS, ROLES } from '@cem/contracts';
import { DEMO_USERS, DemoUserKey } from '../demo-users';
import { LocalIssuer, MintRequest } from '../local-issuer';

export const DEFAULT_IDENTITY_DIR = 'data/identity';

interface MintOptions {
  role?: MintRequest['role'];
  unit?: string;
  level?: MintRequest['level'];
  unitPath?: string[];
  name?: string;
  sub?: string;
  demo?: string;
  list?: boolean;
  ttl: string;
  dataDir: string;
}

const csv = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function requestFrom(options: MintOptions): MintRequest {
  if (options.demo) {
    const user = DEMO_USERS[options.demo as DemoUserKey];
    if (!user) {
      throw new InvalidArgumentError(`unknown demo user '${options.demo}'; one of: ${Object.keys(DEMO_USERS).join(', ')}`);
    }
    return { ...user, unitPath: [...user.unitPath] };
  }
  const { role, unit, level } = options;
  if (!role || !unit || !level) throw new InvalidArgumentError('--role, --unit and --level are required (or use --demo)');
  // A unit path ending elsewhere would be refused by every verifier, so complete it rather than mint a dud.
  const given = options.unitPath ?? [];
  const unitPath = given[given.length - 1] === unit ? given : [...given, unit];
  return { sub: options.sub ?? `${role}@${unit}`, name: options.name, role, unitId: unit, level, unitPath };
}

export function mintTokenCommand(): Command {
  return (
    new Command('token')
      .description('Print a token minted by the local issuer (embedded default) for a role at a unit')
      .addOption(new Option('--role <role>', 'role the token carries').choices(ROLES))
      .option('--unit <id>', "the actor's unit id, e.g. vn-hcm-binh-chanh")
      .addOption(new Option('--level <level>', "the unit's administrative level").choices(ADMINISTRATIVE_LEVELS))
      .option('--unit-path <ids>', 'unit ids from the top down to the unit, comma separated', csv)
      .option('--name <name>', 'display name')
      .option('--sub <id>', 'subject (user id); defaults to <role>@<unit>')
      .option('--demo <user>', `a demo user: ${Object.keys(DEMO_USERS).join(', ')}`)
      .option('--list', 'list the demo users and exit')
      .option('--ttl <span>', 'lifetime, e.g. 8h, 30m', '8h')
      // The services read the key from CEM_ISSUER_DIR: a token minted elsewhere would be refused by them.
      .option(
        '--data-dir <dir>',
        'directory holding issuer-key.json (default CEM_ISSUER_DIR, else data/identity)',
        process.env.CEM_ISSUER_DIR || DEFAULT_IDENTITY_DIR,
      )
      .action(async (options: MintOptions, command: Command) => {
        if (options.list) {
          for (const [key, u] of Object.entries(DEMO_USERS)) {
            console.log(`${key.padEnd(28)} ${u.role.padEnd(18)} ${u.unitId.padEnd(32)} ${u.name}`);
          }
          return;
        }
        let request: MintRequest;
        try {
          request = requestFrom(options);
        } catch (error) {
          command.error(`error: ${(error as Error).message}`);
        }
        const issuer = await LocalIssuer.loadOrCreate(options.dataDir);
        console.log(await issuer.mint(request, options.ttl));
      })
  );
}

if (require.main === module) {
  mintTokenCommand()
    .parseAsync(process.argv)
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
