import { promises as fs } from 'fs';
import * as path from 'path';
import type { Actor } from '@cem/contracts';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JSONWebKeySet, JWK, KeyLike, SignJWT } from 'jose';
import { actorToClaims } from './token-claims';
import { TokenVerifier } from './token-verifier';

export const LOCAL_ISSUER = 'urn:cem:local-issuer';
export const PLATFORM_AUDIENCE = 'cem-platform';
export const ISSUER_KEY_FILE = 'issuer-key.json';
const ALG = 'ES256';

export interface MintRequest {
  sub: string;
  name?: string;
  role: Actor['role'];
  unitId: string;
  level: Actor['level'];
  unitPath: string[];
}

interface StoredKey {
  alg: typeof ALG;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function generateStoredKey(): Promise<StoredKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    alg: ALG,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' },
  };
}

/**
 * The embedded default's token issuer: one ES256 key pair, kept (private key included) in the data
 * directory so that tokens minted by `npm run token` stay valid across restarts.
 */
export class LocalIssuer {
  private constructor(
    private readonly key: StoredKey,
    private readonly privateKey: KeyLike | Uint8Array,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  private static async fromStored(key: StoredKey, issuer = LOCAL_ISSUER, audience = PLATFORM_AUDIENCE) {
    return new LocalIssuer(key, await importJWK(key.privateJwk, ALG), issuer, audience);
  }

  /** A fresh key that lives only in memory. */
  static async inMemory(options: { issuer?: string; audience?: string } = {}): Promise<LocalIssuer> {
    return LocalIssuer.fromStored(await generateStoredKey(), options.issuer, options.audience);
  }

  /** Loads `<dir>/issuer-key.json`, creating it (mode 0600) on first use. */
  static async loadOrCreate(dir: string): Promise<LocalIssuer> {
    const file = path.join(dir, ISSUER_KEY_FILE);
    try {
      return await LocalIssuer.fromStored(JSON.parse(await fs.readFile(file, 'utf8')) as StoredKey);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const key = await generateStoredKey();
    try {
      // 'wx' so that two processes starting together cannot overwrite each other's key.
      await fs.writeFile(file, JSON.stringify(key, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return LocalIssuer.loadOrCreate(dir);
    }
    return LocalIssuer.fromStored(key);
  }

  get keyId(): string {
    return this.key.publicJwk.kid!;
  }

  /** The public key set, as served at a JWKS endpoint. */
  jwks(): JSONWebKeySet {
    return { keys: [{ ...this.key.publicJwk }] };
  }

  /** `ttl` is a jose time span ('8h', '15m', '30s') or seconds. */
  async mint(request: MintRequest, ttl: string | number = '8h'): Promise<string> {
    const { sub, ...claims } = actorToClaims({
      id: request.sub,
      name: request.name,
      role: request.role,
      unitId: request.unitId,
      level: request.level,
      unitPath: request.unitPath,
    });
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALG, kid: this.keyId, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(typeof ttl === 'number' ? now + ttl : ttl)
      .sign(this.privateKey);
  }

  /** Mints for an Actor as the rest of the platform sees it. */
  mintFor(actor: Actor, ttl?: string | number): Promise<string> {
    return this.mint({ ...actor, sub: actor.id }, ttl);
  }

  /** A verifier that trusts this issuer's key only. */
  verifier(): TokenVerifier {
    return new TokenVerifier({ issuer: this.issuer, audience: this.audience, jwks: this.jwks() });
  }
}

/** An issuer with an in-memory key for tests; pass another `issuer` to fake a foreign one. */
export function createTestIssuer(options: { issuer?: string; audience?: string } = {}): Promise<LocalIssuer> {
  return LocalIssuer.inMemory(options);
}
