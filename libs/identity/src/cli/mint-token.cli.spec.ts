import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalIssuer } from '../local-issuer';
import { mintTokenCommand } from './mint-token.cli';

describe('npm run token', () => {
  const saved = process.env.CEM_ISSUER_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CEM_ISSUER_DIR;
    else process.env.CEM_ISSUER_DIR = saved;
    jest.restoreAllMocks();
  });

  it('mints with the key in CEM_ISSUER_DIR, the one the services verify with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cem-issuer-'));
    process.env.CEM_ISSUER_DIR = dir;
    const printed: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    await mintTokenCommand().parseAsync(['node', 'token', '--demo', 'admin']);
    expect(printed).toHaveLength(1);
    const actor = await (await LocalIssuer.loadOrCreate(dir)).verifier().verify(printed[0]);
    expect(actor.role).toBe('admin');
  });
});
