import { execFile, spawn, type ChildProcess } from 'child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { createServer, type Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

/*
 * deploy/local/keycloak.sh's sharing rules, on two checkouts of the scripts and a stand-in for Keycloak's
 * kc.sh (a small HTTP server answering realm cem's discovery, run with the command line keycloak.sh looks
 * for), on a free port: a run reuses a Keycloak another checkout started, and the last live run out stops
 * what a run started, never one started otherwise (up.sh, by hand). What tools/test.sh relies on.
 */

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'cem-keycloak-lease-'));
const REPO = join(__dirname, '..', '..');
const FAKE_KC = `
const http = require('http');
const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--http-port') + 1]);
const issuer = args[args.indexOf('--hostname') + 1] + '/realms/cem';
http.createServer((req, res) => {
  const found = req.url === '/realms/cem/.well-known/openid-configuration';
  res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
  res.end(found ? JSON.stringify({ issuer }) : '{}');
}).listen(port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

/** A checkout with the two scripts, the realm JSON and a "Keycloak 0-fake" installed in its .cache. */
function checkout(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'deploy', 'local'), { recursive: true });
  for (const f of ['lib.sh', 'keycloak.sh']) cpSync(join(REPO, 'deploy', 'local', f), join(dir, 'deploy', 'local', f));
  mkdirSync(join(dir, 'deploy', 'keycloak'));
  for (const f of readdirSync(join(REPO, 'deploy', 'keycloak')).filter((f) => /^realm-.*\.json$/.test(f)))
    cpSync(join(REPO, 'deploy', 'keycloak', f), join(dir, 'deploy', 'keycloak', f));
  const bin = join(dir, '.cache', 'keycloak', 'keycloak-0-fake', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'fake-kc.js'), FAKE_KC);
  writeFileSync(
    join(bin, 'kc.sh'),
    '#!/usr/bin/env bash\nDIR=$(cd "$(dirname "$0")" && pwd)\nexec node "$DIR/fake-kc.js" "-Dkc.home.dir=$DIR/.." "$@"\n',
  );
  chmodSync(join(bin, 'kc.sh'), 0o755);
  return dir;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

describe('keycloak.sh: a Keycloak shared between test runs and checkouts', () => {
  const a = checkout('a');
  const b = checkout('b');
  let port: number;
  const runs: ChildProcess[] = [];
  /** A live process standing for a test run (tools/test.sh passes its own pid). */
  const testRun = () => {
    const child = spawn('sleep', ['600'], { stdio: 'ignore' });
    runs.push(child);
    return String(child.pid);
  };
  const kc = (dir: string, command: string, user?: string) =>
    run('bash', [join(dir, 'deploy', 'local', 'keycloak.sh'), command], {
      env: {
        ...process.env,
        CEM_KEYCLOAK_VERSION: '0-fake',
        CEM_KEYCLOAK_PORT: String(port),
        CEM_LEASES_DIR: join(root, 'leases'),
        CEM_SERVER_USER: user ?? '',
      },
    }).then(({ stdout, stderr }) => stdout + stderr);
  const serving = () =>
    fetch(`http://127.0.0.1:${port}/realms/cem/.well-known/openid-configuration`).then(
      (r) => r.ok,
      () => false,
    );

  beforeEach(async () => {
    port = await freePort();
  });
  afterEach(async () => {
    for (const dir of [a, b]) await kc(dir, 'stop').catch(() => undefined);
  });
  afterAll(() => {
    for (const child of runs) child.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it("reuses another checkout's Keycloak; the last run out stops the one a run started", async () => {
    const [runA, runB] = [testRun(), testRun()];
    expect(await kc(a, 'start', runA)).toContain('starting on');
    expect(await kc(b, 'start', runB)).toContain('reusing the Keycloak of');
    expect(await kc(a, 'release', runA)).toContain('still used by run(s)');
    expect(await serving()).toBe(true);
    expect(await kc(b, 'release', runB)).toContain('stopping keycloak');
    expect(await serving()).toBe(false);
  });

  it('leaves running a Keycloak no test run started (up.sh, by hand)', async () => {
    await kc(b, 'start');
    const runA = testRun();
    expect(await kc(a, 'start', runA)).toContain('reusing');
    expect(await kc(a, 'release', runA)).toContain('not started by a test run');
    expect(await serving()).toBe(true);
  });

  it('a run that died does not keep a Keycloak alive', async () => {
    const gone = spawn('true');
    await new Promise((ok) => gone.on('exit', ok));
    const runA = testRun();
    await kc(a, 'start', String(gone.pid));
    await kc(a, 'start', runA);
    expect(await kc(a, 'release', runA)).toContain('stopping keycloak');
    expect(await serving()).toBe(false);
  });

  it('refuses a port taken by something else, and a Keycloak with other realm JSON', async () => {
    const other: Server = createServer((_req, res) => res.end('not keycloak'));
    await new Promise<void>((ok) => other.listen(port, '127.0.0.1', ok));
    await expect(kc(a, 'start', testRun())).rejects.toMatchObject({ stderr: expect.stringContaining('is taken by another process') });
    await new Promise((ok) => other.close(ok));

    await kc(b, 'start');
    writeFileSync(join(a, 'deploy', 'keycloak', 'realm-extra.json'), '{}');
    await expect(kc(a, 'start', testRun())).rejects.toMatchObject({ stdout: expect.stringContaining('imported other realm JSON') });
    rmSync(join(a, 'deploy', 'keycloak', 'realm-extra.json'));
  });
});
