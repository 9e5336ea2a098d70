import { DEMO_PASSWORD, TEST_CLIENT, TEST_CLIENT_SECRET } from './realm';

/**
 * An access token for a demo person from a running Keycloak (`keycloakUrl`, e.g. http://127.0.0.1:8180), through
 * the password grant of the realm's test client (tests and scripts only; people sign in on Keycloak's page).
 */
export async function passwordGrant(keycloakUrl: string, realm: string, username: string, clientId = TEST_CLIENT): Promise<string> {
  const response = await fetch(`${keycloakUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      client_secret: TEST_CLIENT_SECRET,
      username,
      password: DEMO_PASSWORD,
      scope: 'openid',
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`password grant failed: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}
