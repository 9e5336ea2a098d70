import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { promisify } from 'util';

export { freePort } from '../../tools/jest/test-servers';

export const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * The environment docker-compose.yml needs: `docker compose` itself (deploy/images/compose.sh) and the image
 * names deploy/images/build.sh builds (it returns at once when they exist) and writes to .cache/images.env.
 */
export async function composeEnv(): Promise<Record<string, string>> {
  await run('bash', [join(ROOT, 'deploy', 'images', 'compose.sh')], { maxBuffer: 64 * 1024 * 1024 });
  await run('bash', [join(ROOT, 'deploy', 'images', 'build.sh')], { maxBuffer: 64 * 1024 * 1024 });
  const env: Record<string, string> = {};
  for (const m of readFileSync(join(ROOT, '.cache', 'images.env'), 'utf8').matchAll(/^export (CEM_\w+_IMAGE)=(\S+)$/gm)) env[m[1]] = m[2];
  return env;
}
