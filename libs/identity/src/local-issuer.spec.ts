import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ISSUER_KEY_FILE, LOCAL_ISSUER, LocalIssuer, PLATFORM_AUDIENCE } from './local-issuer';

const request = {
  sub: 'demo',
  role: 'auditor' as const,
  unitId: 'vn',
  level: 'central' as const,
  unitPath: ['vn'],
};

describe('LocalIssuer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'cem-identity-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('creates its key file with owner-only permissions and reuses it on the next start', async () => {
    const first = await LocalIssuer.loadOrCreate(path.join(dir, 'identity'));
    const file = path.join(dir, 'identity', ISSUER_KEY_FILE);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    const second = await LocalIssuer.loadOrCreate(path.join(dir, 'identity'));
    expect(second.jwks()).toEqual(first.jwks());
    // A token minted before a restart still verifies after it.
    await expect(second.verifier().verify(await first.mint(request))).resolves.toMatchObject({ id: 'demo' });
  });

  it('hands out one key when two starts race to create it', async () => {
    const [a, b] = await Promise.all([LocalIssuer.loadOrCreate(dir), LocalIssuer.loadOrCreate(dir)]);
    expect(a.keyId).toBe(b.keyId);
  });

  it('mints ES256 tokens with the platform issuer, audience, claims and lifetime', async () => {
    const issuer = await LocalIssuer.inMemory();
    const token = await issuer.mint({ ...request, name: 'Kiểm tra' }, '2h');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: issuer.keyId, typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: LOCAL_ISSUER,
      aud: PLATFORM_AUDIENCE,
      sub: 'demo',
      name: 'Kiểm tra',
      role: 'auditor',
      unit_id: 'vn',
      level: 'central',
      unit_path: ['vn'],
    });
    expect(claims.exp! - claims.iat!).toBe(7200);
  });

  it('publishes only public key material', async () => {
    const { keys } = (await LocalIssuer.inMemory()).jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
