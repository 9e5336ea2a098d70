import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

describe('portal API client', () => {
  jest.setTimeout(300000);

  // The generator runs in its own Node process: openapi-typescript's dependencies are ES modules, which
  // jest's CommonJS runtime cannot load.
  it('is generated from the services as they are now (npm run generate-api -w portal when this fails)', async () => {
    const result = await run(process.execPath, ['-r', './tools/register.js', 'portal/scripts/generate-api.ts', '--check'], {
      cwd: ROOT,
      env: { ...process.env, CEM_LOG_LEVEL: 'silent' },
    }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
    expect({ code: 'code' in result ? result.code : 0, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('up to date');
  });
});
