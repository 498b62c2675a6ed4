import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, publicJwks, SigningKeyError } from './signing-key';

describe('loadOrCreateSigningKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes an ES256 key on first use, kept 0600, and reads the same one after', async () => {
    const keyDir = join(dir, 'auth');
    const first = await loadOrCreateSigningKey(keyDir);
    expect(first.alg).toBe('ES256');
    expect(first.file).toBe(join(keyDir, 'issuer-key.json'));
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(first.file, 'utf8'));
    expect(stored).toMatchObject({ kty: 'EC', crv: 'P-256', kid: first.kid });
    expect(typeof stored.d).toBe('string');

    const again = await loadOrCreateSigningKey(keyDir);
    expect(again.kid).toBe(first.kid);
    expect(again.publicJwk).toEqual(first.publicJwk);
  });

  it('ends with one key when many callers race on an empty dir, leaving no temp files', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSigningKey(dir)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await readdir(dir)).toEqual(['issuer-key.json']);
  });

  it('serves only the public half', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const { keys } = publicJwks(key);
    expect(keys).toEqual([
      {
        kty: 'EC',
        crv: 'P-256',
        x: expect.any(String),
        y: expect.any(String),
        kid: key.kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });

  it('refuses a key file that is not an ES256 private key, saying which file', async () => {
    const file = join(dir, 'issuer-key.json');
    await writeFile(file, 'not json');
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(SigningKeyError);
    await writeFile(file, JSON.stringify({ kty: 'oct', k: 'abc', kid: 'x' }));
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(file);
  });
});
