import { loadOrCreateSigningKey, type SigningKey } from '@tally/auth';
import type { Logger } from '@tally/service-kit';

/**
 * The signing key as it is on disk now. Read for every use (a small file), so this process,
 * `npm run token` and any other reader always sign with, and publish, the same key, even when
 * the file was deleted and made anew while the issuer ran.
 */
export function keySource(dir: string, logger: Logger): () => Promise<SigningKey> {
  let lastKid: string | undefined;
  return async () => {
    const key = await loadOrCreateSigningKey(dir);
    if (key.kid !== lastKid) {
      logger.info(
        { kid: key.kid, file: key.file },
        lastKid ? 'signing key replaced' : 'signing key',
      );
      lastKid = key.kid;
    }
    return key;
  };
}
