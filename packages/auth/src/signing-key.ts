import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type KeyLike,
} from 'jose';

/** The local issuer's key: ES256, the same for every process that reads `dir`. */
export interface SigningKey {
  kid: string;
  alg: 'ES256';
  privateKey: KeyLike;
  /** The public half as a JWK (kid, alg, use), as the issuer's JWKS serves it. */
  publicJwk: JWK;
  /** Where it is kept. */
  file: string;
}

export const SIGNING_KEY_FILE = 'issuer-key.json';
const ALG = 'ES256';

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

function publicHalf({ kty, crv, x, y, kid }: JWK): JWK {
  return { kty, crv, x, y, kid, alg: ALG, use: 'sig' };
}

async function fromJwk(jwk: JWK, file: string): Promise<SigningKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.kid)
    throw new SigningKeyError(
      `${file} is not an ES256 private key with a kid; delete it to have a new one made`,
    );
  const privateKey = (await importJWK(jwk, ALG)) as KeyLike;
  return { kid: jwk.kid, alg: ALG, privateKey, publicJwk: publicHalf(jwk), file };
}

async function readKeyFile(file: string): Promise<SigningKey | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw new SigningKeyError(`${file} is not JSON; delete it to have a new one made`);
  }
  return fromJwk(jwk, file);
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALG, use: 'sig' };
}

/**
 * The signing key kept in `<dir>/issuer-key.json` (a private JWK, mode 0600), made on first
 * use. The new key is written whole to a temporary file and hard-linked into place: the link
 * fails if another process got there first, and then its key is the one used, so processes
 * racing on an empty dir all end with the same key and nobody reads a half-written file.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const file = join(dir, SIGNING_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const jwk = await newPrivateJwk();
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const winner = await readKeyFile(file);
    if (!winner) throw new SigningKeyError(`${file} vanished while it was being made`);
    return winner;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return fromJwk(jwk, file);
}

/** The JWKS document of the given keys: public halves only. */
export function publicJwks(...keys: SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((k) => k.publicJwk) };
}
