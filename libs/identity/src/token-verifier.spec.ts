import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { UnauthenticatedError } from '@cem/contracts';
import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';
import { createTestIssuer, LOCAL_ISSUER, LocalIssuer, PLATFORM_AUDIENCE } from './local-issuer';
import { TokenVerifier } from './token-verifier';

const officer = {
  sub: 'u-1',
  name: 'Lê Minh Châu',
  role: 'agency-officer' as const,
  unitId: 'vn-hcm-binh-chanh',
  level: 'district' as const,
  unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
};

async function rejection(promise: Promise<unknown>): Promise<UnauthenticatedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthenticatedError);
    return error as UnauthenticatedError;
  }
  throw new Error('expected the token to be rejected');
}

describe('TokenVerifier', () => {
  let issuer: LocalIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    verifier = issuer.verifier();
  });

  it('turns a valid token into the Actor it was minted for', async () => {
    const actor = await verifier.verify(await issuer.mint(officer));
    expect(actor).toEqual({
      id: 'u-1',
      name: 'Lê Minh Châu',
      role: 'agency-officer',
      unitId: 'vn-hcm-binh-chanh',
      level: 'district',
      unitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'],
    });
  });

  it('refuses an expired token', async () => {
    const error = await rejection(verifier.verify(await issuer.mint(officer, -120)));
    expect(error.message).toBe('token expired');
  });

  it('stops accepting a remembered token once it expires', async () => {
    const token = await issuer.mint(officer, 60);
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'u-1' });
    // Past exp (60 s) and the 30 s tolerance; only the clock is faked, the crypto still runs.
    jest.useFakeTimers({ now: Date.now() + 120_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      expect((await rejection(verifier.verify(token))).message).toBe('token expired');
    } finally {
      jest.useRealTimers();
    }
  });

  it("refuses a token signed by another issuer's key", async () => {
    const impostor = await createTestIssuer();
    const error = await rejection(verifier.verify(await impostor.mint(officer)));
    expect(error.message).toMatch(/bad signature/);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await issuer.mint(officer)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...officer, role: 'admin', iss: LOCAL_ISSUER })).toString('base64url');
    const error = await rejection(verifier.verify(`${header}.${forged}.${signature}`));
    expect(error.message).toMatch(/bad signature/);
  });

  it('refuses the wrong issuer and the wrong audience without naming the expected ones', async () => {
    const expectingOther = new TokenVerifier({ issuer: 'https://id.example.org', audience: PLATFORM_AUDIENCE, jwks: issuer.jwks() });
    const wrongIssuer = await rejection(expectingOther.verify(await issuer.mint(officer)));
    expect(wrongIssuer.message).toBe('wrong issuer');
    expect(JSON.stringify(wrongIssuer.details)).not.toContain('id.example.org');
    const elsewhere = await createTestIssuer({ audience: 'someone-else' });
    const trustingElsewhere = new TokenVerifier({ issuer: LOCAL_ISSUER, audience: PLATFORM_AUDIENCE, jwks: elsewhere.jwks() });
    const wrongAudience = await rejection(trustingElsewhere.verify(await elsewhere.mint(officer)));
    expect(wrongAudience.message).toBe('wrong audience');
    expect(JSON.stringify(wrongAudience.details)).not.toContain(PLATFORM_AUDIENCE);
  });

  it('refuses garbage and empty tokens', async () => {
    expect((await rejection(verifier.verify('not-a-jwt'))).message).toBe('malformed token');
    expect((await rejection(verifier.verify(''))).message).toBe('token is empty');
  });

  describe('claims', () => {
    // Signs arbitrary payloads with a key the verifier trusts, to reach the claim checks.
    let sign: (payload: JWTPayload) => Promise<string>;
    let claimVerifier: TokenVerifier;

    beforeAll(async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      claimVerifier = new TokenVerifier({
        issuer: LOCAL_ISSUER,
        audience: PLATFORM_AUDIENCE,
        jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' }] },
      });
      sign = (payload) =>
        new SignJWT(payload)
          .setProtectedHeader({ alg: 'ES256', kid: 'k' })
          .setIssuer(LOCAL_ISSUER)
          .setAudience(PLATFORM_AUDIENCE)
          .setExpirationTime('1h')
          .sign(privateKey);
    });

    const valid = { sub: 'u-1', role: 'auditor', unit_id: 'vn', level: 'central', unit_path: ['vn'] };

    it.each([
      [{ role: 'mayor' }, "unknown role 'mayor' in token"],
      [{ role: undefined }, "token claim 'role' is missing"],
      [{ unit_id: undefined }, "token claim 'unit_id' is missing"],
      [{ level: 'ward' }, "token claim 'level' must be one of central, province, district, commune (got 'ward')"],
      [{ unit_path: 'vn' }, "token claim 'unit_path' must be a non-empty array of unit ids"],
      [{ unit_path: [] }, "token claim 'unit_path' must be a non-empty array of unit ids"],
      [{ unit_path: ['vn', 'vn-hcm'] }, "token claim 'unit_path' must end with the token's unit 'vn'"],
    ])('refuses %j: %s', async (override, reason) => {
      expect((await rejection(claimVerifier.verify(await sign({ ...valid, ...override })))).message).toBe(reason);
    });

    it('requires a subject', async () => {
      const error = await rejection(claimVerifier.verify(await sign({ ...valid, sub: undefined })));
      expect(error.message).toMatch(/'sub'/);
    });

    it('accepts a complete set of claims', async () => {
      await expect(claimVerifier.verify(await sign(valid))).resolves.toMatchObject({ id: 'u-1', role: 'auditor' });
    });
  });

  describe('with a JWKS URL', () => {
    let server: Server;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(issuer.jwks()));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('fetches the keys and verifies against them', async () => {
      const { port } = server.address() as AddressInfo;
      const remote = new TokenVerifier({
        issuer: LOCAL_ISSUER,
        audience: PLATFORM_AUDIENCE,
        jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      });
      await expect(remote.verify(await issuer.mint(officer))).resolves.toMatchObject({ id: 'u-1' });
      const impostor = await createTestIssuer();
      expect((await rejection(remote.verify(await impostor.mint(officer)))).message).toMatch(/bad signature/);
    });
  });
});
