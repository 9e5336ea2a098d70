import request from 'supertest';
import { DEMO_USERS, TokenVerifier, tokenVerifierFromEnv } from '@cem/identity';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../../services/submissions/src/submissions.service';
import { COUNCILS_SERVICE } from '../../services/councils/src/councils.service';
import { RECOGNITION_SERVICE } from '../../services/recognition/src/recognition.service';
import { REPORTING_SERVICE } from '../../services/reporting/src/reporting.service';
import { passwordGrant as grant } from './password-grant';
import { NO_AUDIENCE_CLIENT, OTHER_REALM, REALM } from './realm';

/**
 * The services against a real Keycloak (started by deploy/local/keycloak.sh with the realms of this folder):
 * its tokens are accepted through OIDC discovery, another realm's and a wrong audience's are refused, and a
 * new signing key (rotation) is picked up without a restart.
 */
const keycloakUrl = process.env.CEM_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const issuerOf = (realm: string) => `${keycloakUrl}/realms/${realm}`;

const passwordGrant = (realm: string, username: string, clientId?: string) => grant(keycloakUrl, realm, username, clientId);

async function adminToken(): Promise<string> {
  const response = await fetch(`${issuerOf('master')}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: 'admin',
      password: process.env.CEM_KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
    }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid as string;

/** One read endpoint per service that an administrator may call. */
const READS: Array<[context: string, path: string]> = [
  ['submissions', '/units'],
  ['councils', '/criteria-sets'],
  ['recognition', '/awards'],
  ['reporting', '/periods'],
];

describe('Keycloak as the OpenID Connect issuer (real server)', () => {
  let platform: TestPlatform;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    verifier = await tokenVerifierFromEnv({ CEM_OIDC_ISSUER: issuerOf(REALM) });
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE], {
      tokenVerifier: verifier,
    });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("maps a person's Keycloak attributes to the platform's actor (role, unit, level, unit path in order)", async () => {
    for (const key of ['commune-officer', 'province-council-secretary', 'admin'] as const) {
      const actor = await verifier.verify(await passwordGrant(REALM, key));
      const user = DEMO_USERS[key];
      expect(actor).toMatchObject({
        role: user.role,
        unitId: user.unitId,
        level: user.level,
        unitPath: [...user.unitPath],
        name: user.name,
      });
    }
  });

  it.each(READS)('%s accepts a Keycloak token (GET %s)', async (context, path) => {
    const token = await passwordGrant(REALM, 'admin');
    const response = await request(platform.url(context)).get(path).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
  });

  it.each(READS)("%s refuses another realm's token with 401 (GET %s)", async (context, path) => {
    const token = await passwordGrant(OTHER_REALM, 'admin');
    const response = await request(platform.url(context)).get(path).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
  });

  it.each(READS)('%s refuses a token for another audience with 401 (GET %s)', async (context, path) => {
    const token = await passwordGrant(REALM, 'admin', NO_AUDIENCE_CLIENT);
    const response = await request(platform.url(context)).get(path).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
  });

  it('accepts tokens signed with a new key after the realm rotates its keys, without a restart', async () => {
    const before = await passwordGrant(REALM, 'admin');
    const admin = await adminToken();
    const realmInfo = (await (
      await fetch(`${keycloakUrl}/admin/realms/${REALM}`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as { id: string };
    // A new RSA key with a higher priority becomes the active signing key at once.
    const created = await fetch(`${keycloakUrl}/admin/realms/${REALM}/components`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: `rotated-${Date.now()}`,
        providerId: 'rsa-generated',
        providerType: 'org.keycloak.keys.KeyProvider',
        parentId: realmInfo.id,
        config: { priority: [String(Date.now())], keySize: ['2048'], active: ['true'], enabled: ['true'], algorithm: ['RS256'] },
      }),
    });
    expect(created.status).toBe(201);
    const keyUrl = created.headers.get('location')!;
    try {
      await expectRotationAccepted(before);
    } finally {
      // The realm is left as imported, so that repeated runs do not pile up keys.
      await fetch(keyUrl, { method: 'DELETE', headers: { authorization: `Bearer ${await adminToken()}` } });
    }
  });

  async function expectRotationAccepted(before: string) {
    const after = await passwordGrant(REALM, 'admin');
    expect(kidOf(after)).not.toBe(kidOf(before));
    // The key set is fetched again when a token names a key id the verifier has not seen (after a short cooldown).
    await platform.eventually(async () => {
      const response = await request(platform.url('submissions')).get('/units').set('Authorization', `Bearer ${after}`);
      expect(response.status).toBe(200);
    }, 60_000);
  }
});
