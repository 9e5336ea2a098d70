import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalIssuer } from '@cem/identity';
import { PortalGateway, startPortalGateway } from './portal-gateway';

describe('portal gateway (one origin: the built portal and the four APIs under /api/<context>)', () => {
  const dist = mkdtempSync(join(tmpdir(), 'cem-portal-dist-'));
  let upstream: Server;
  let seen: Array<{ method?: string; url?: string; auth?: string; body: string }> = [];
  let gateway: PortalGateway;
  let oidcGateway: PortalGateway;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    // Stands in for a service behind the gateway: echoes what reached it.
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
    const target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const issuer = await LocalIssuer.inMemory();
    gateway = await startPortalGateway({ port: 0, distDir: dist, services: { submissions: target }, demoIssuer: issuer });
    oidcGateway = await startPortalGateway({
      port: 0,
      distDir: dist,
      services: {},
      oidc: { authority: 'http://idp.example', clientId: 'portal' },
    });
  });

  afterAll(async () => {
    await gateway.close();
    await oidcGateway.close();
    await new Promise((ok) => upstream.close(ok));
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the single page for client routes, assets as immutable, and 404 for a missing asset', async () => {
    const page = await fetch(`${gateway.url}/hoi-dong/xep-hang`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>portal</title>');
    const asset = await fetch(`${gateway.url}/assets/app-1.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${gateway.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/..%2f..%2fetc/passwd`)).status).not.toBe(500);
  });

  it('routes /api/<context>/... to the service with the prefix stripped, body and bearer intact', async () => {
    seen = [];
    const res = await fetch(`${gateway.url}/api/submissions/dossiers/hs-1/submit?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'Hồ sơ' }),
    });
    expect(res.status).toBe(201);
    expect(seen).toEqual([{ method: 'POST', url: '/dossiers/hs-1/submit?x=1', auth: 'Bearer abc', body: '{"a":"Hồ sơ"}' }]);
    const unknown = await fetch(`${gateway.url}/api/khong-co/x`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toBe('Không có dịch vụ này.');
  });

  it('hands out demo tokens in embedded mode only, for known demo people only', async () => {
    expect(await (await fetch(`${gateway.url}/portal-api/config`)).json()).toEqual({ mode: 'embedded' });
    const users = await (await fetch(`${gateway.url}/portal-api/demo-users`)).json();
    expect(users).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'council-chair', role: 'council-chair', unitName: 'Tỉnh Hà Nam' })]),
    );
    const minted = await fetch(`${gateway.url}/portal-api/demo-token`, { method: 'POST', body: JSON.stringify({ key: 'auditor' }) });
    expect(((await minted.json()) as { token: string }).token.split('.')).toHaveLength(3);
    expect(
      (await fetch(`${gateway.url}/portal-api/demo-token`, { method: 'POST', body: JSON.stringify({ key: 'toString' }) })).status,
    ).toBe(404);
    expect((await fetch(`${gateway.url}/portal-api/demo-token`, { method: 'POST', body: '{' })).status).toBe(400);

    expect(await (await fetch(`${oidcGateway.url}/portal-api/config`)).json()).toEqual({
      mode: 'oidc',
      oidc: { authority: 'http://idp.example', clientId: 'portal' },
    });
    expect((await fetch(`${oidcGateway.url}/portal-api/demo-users`)).status).toBe(404);
    expect(
      (await fetch(`${oidcGateway.url}/portal-api/demo-token`, { method: 'POST', body: JSON.stringify({ key: 'admin' }) })).status,
    ).toBe(404);
  });
});
