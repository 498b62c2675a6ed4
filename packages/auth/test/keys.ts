import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A private JWK with kid, alg and use, as a provider's key set holds it. */
export async function privateJwk(alg: 'RS256' | 'ES256', kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
}

export function publicOf({ kty, crv, x, y, n, e, kid, alg, use }: JWK): JWK {
  return { kty, crv, x, y, n, e, kid, alg, use };
}
