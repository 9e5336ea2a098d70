import { join } from 'path';
import { LocalIssuer, LOCAL_ISSUER, PLATFORM_AUDIENCE } from './local-issuer';
import { TokenVerifier } from './token-verifier';

/** The parts of an OpenID Provider's discovery document the services use. */
export interface OidcProviderMetadata {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  end_session_endpoint?: string;
}

/**
 * Reads `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0). The document must name
 * the same issuer it was fetched for, or a misconfigured proxy could make us trust another provider's keys.
 */
export async function discoverOidcProvider(issuer: string, fetchImpl: typeof fetch = fetch): Promise<OidcProviderMetadata> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
  const metadata = (await response.json()) as Partial<OidcProviderMetadata>;
  if (metadata.issuer !== issuer) {
    throw new Error(`OIDC discovery at ${url} names issuer ${metadata.issuer}, expected ${issuer}`);
  }
  if (typeof metadata.jwks_uri !== 'string') throw new Error(`OIDC discovery at ${url} has no jwks_uri`);
  return metadata as OidcProviderMetadata;
}

/**
 * The token verifier a service process uses, from its environment, in this order:
 * - CEM_OIDC_ISSUER (+ CEM_JWT_AUDIENCE, default `cem-platform`): any OpenID Connect provider (Keycloak, an
 *   agency's own); the key set comes from its discovery document and is re-fetched when a token names a key
 *   id it has not seen (key rotation).
 * - CEM_JWKS_URL + CEM_JWT_ISSUER (+ CEM_JWT_AUDIENCE): a provider without discovery.
 * - otherwise the local issuer's key in CEM_ISSUER_DIR (default ./data/identity), as the embedded default.
 */
export async function tokenVerifierFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<TokenVerifier> {
  const audience = env.CEM_JWT_AUDIENCE ?? PLATFORM_AUDIENCE;
  if (env.CEM_OIDC_ISSUER) {
    const provider = await discoverOidcProvider(env.CEM_OIDC_ISSUER);
    return new TokenVerifier({ jwksUrl: provider.jwks_uri, issuer: provider.issuer, audience });
  }
  if (env.CEM_JWKS_URL) {
    return new TokenVerifier({ jwksUrl: env.CEM_JWKS_URL, issuer: env.CEM_JWT_ISSUER ?? LOCAL_ISSUER, audience });
  }
  return (await LocalIssuer.loadOrCreate(env.CEM_ISSUER_DIR ?? join(process.cwd(), 'data', 'identity'))).verifier();
}
