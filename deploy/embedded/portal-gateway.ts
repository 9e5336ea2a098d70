import { createReadStream, existsSync, statSync } from 'fs';
import { createServer, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { extname, join, normalize, resolve, sep } from 'path';
import type { LocalIssuer } from '@cem/identity';
import { ALL_PERSONAS, personaListing } from './demo-personas';

/**
 * One origin for people: the built portal (portal/dist) and the four APIs under /api/<context>/..., so the
 * browser needs no CORS. In embedded mode it also answers /portal-api/demo-users and /portal-api/demo-token
 * (tokens for the demo people, minted by the local issuer); a deployment's gateway (deploy/gateway) has no
 * such endpoint and tells the portal to sign in with OpenID Connect instead.
 */
export interface PortalGatewayOptions {
  port: number;
  host?: string;
  distDir: string;
  /** context -> base URL of the running service, e.g. submissions -> http://127.0.0.1:3001 */
  services: Record<string, string>;
  /** Embedded mode only: lets the sign-in page hand out demo tokens. */
  demoIssuer?: LocalIssuer;
  oidc?: { authority: string; clientId: string; scope?: string };
}

export interface PortalGateway {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage, limit = 16 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function proxy(req: IncomingMessage, res: ServerResponse, target: string, path: string): void {
  const url = new URL(path, target);
  const headers = { ...req.headers, host: url.host };
  const upstream = httpRequest(url, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent)
      sendJson(res, 502, { statusCode: 502, code: 'service-unavailable', message: 'Dịch vụ tạm thời không phản hồi, vui lòng thử lại.' });
    else res.destroy();
  });
  req.pipe(upstream);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string, pathname: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa có giao diện</title><p>Giao diện cổng thông tin chưa được build: chạy <code>npm run build -w portal</code>.</p></html>',
    );
    return;
  }
  let file = normalize(join(distDir, decodeURIComponent(pathname)));
  if (!file.startsWith(resolve(distDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    // Client-side routes (/don-vi, /hoi-dong/...) all load the single page; missing assets are 404s.
    if (pathname.startsWith('/assets/') || extname(pathname)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy');
      return;
    }
    file = index;
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

export async function startPortalGateway(options: PortalGatewayOptions): Promise<PortalGateway> {
  const distDir = resolve(options.distDir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const pathname = url.pathname;
    const api = /^\/api\/([a-z-]+)(\/.*)?$/.exec(pathname);
    if (api) {
      const target = options.services[api[1]];
      if (!target) return sendJson(res, 404, { statusCode: 404, code: 'not-found', message: 'Không có dịch vụ này.' });
      return proxy(req, res, target, `${api[2] ?? '/'}${url.search}`);
    }
    if (pathname === '/portal-api/config') {
      return sendJson(res, 200, options.demoIssuer ? { mode: 'embedded' } : { mode: 'oidc', oidc: options.oidc });
    }
    if (pathname === '/portal-api/demo-users') {
      if (!options.demoIssuer) return sendJson(res, 404, { statusCode: 404, code: 'not-found', message: 'Chỉ có ở bản chạy thử (nhúng).' });
      return sendJson(res, 200, personaListing());
    }
    if (pathname === '/portal-api/demo-token') {
      const issuer = options.demoIssuer;
      if (!issuer) return sendJson(res, 404, { statusCode: 404, code: 'not-found', message: 'Chỉ có ở bản chạy thử (nhúng).' });
      if (req.method !== 'POST')
        return sendJson(res, 405, { statusCode: 405, code: 'method-not-allowed', message: 'Phương thức không được hỗ trợ.' });
      readJson(req)
        .then(async (body) => {
          const key = (body as { key?: unknown }).key;
          const persona =
            typeof key === 'string' && Object.prototype.hasOwnProperty.call(ALL_PERSONAS, key) ? ALL_PERSONAS[key] : undefined;
          if (!persona) return sendJson(res, 404, { statusCode: 404, code: 'unknown-demo-user', message: 'Không có người dùng mẫu này.' });
          sendJson(res, 200, { token: await issuer.mint(persona) });
        })
        .catch(() => sendJson(res, 400, { statusCode: 400, code: 'bad-request', message: 'Yêu cầu không hợp lệ.' }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { statusCode: 405, code: 'method-not-allowed', message: 'Phương thức không được hỗ trợ.' });
    }
    serveStatic(req, res, distDir, pathname);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => ok());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${address.port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
