// The distributed deployment's gateway: serves the built portal (portal/dist) and routes /api/<context>/...
// to the four services, one origin, no CORS. Sign-in is OpenID Connect (code + PKCE) against CEM_OIDC_ISSUER;
// there are no demo tokens here. Environment:
//   CEM_GATEWAY_PORT (3000), HOST (127.0.0.1), CEM_PORTAL_DIST (portal/dist),
//   CEM_SUBMISSIONS_URL, CEM_COUNCILS_URL, CEM_RECOGNITION_URL, CEM_REPORTING_URL (http://127.0.0.1:3001..3004),
//   CEM_OIDC_ISSUER (required), CEM_PORTAL_CLIENT_ID (cem-portal), CEM_OIDC_SCOPE (openid profile)
import { resolve } from 'path';
import { startPortalGateway } from '../embedded/portal-gateway';

const CONTEXTS = ['submissions', 'councils', 'recognition', 'reporting'] as const;

async function main() {
  const issuer = process.env.CEM_OIDC_ISSUER;
  if (!issuer) throw new Error('CEM_OIDC_ISSUER is required: the portal signs people in with OpenID Connect');
  const services = Object.fromEntries(
    CONTEXTS.map((c, i) => [c, process.env[`CEM_${c.toUpperCase()}_URL`] ?? `http://127.0.0.1:${3001 + i}`]),
  );
  const gateway = await startPortalGateway({
    port: Number(process.env.CEM_GATEWAY_PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    distDir: resolve(process.env.CEM_PORTAL_DIST ?? resolve(__dirname, '..', '..', 'portal', 'dist')),
    services,
    oidc: { authority: issuer, clientId: process.env.CEM_PORTAL_CLIENT_ID ?? 'cem-portal', scope: process.env.CEM_OIDC_SCOPE },
  });
  console.log(`Cổng thông tin (portal): ${gateway.url}`);
  for (const [context, url] of Object.entries(services)) console.log(`  /api/${context} -> ${url}`);
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
