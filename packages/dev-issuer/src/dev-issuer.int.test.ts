import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier, DEFAULT_ROLE_SCOPES, type TokenVerifier } from '@tally/auth';
import { runToEnd, runTokenCli, startIssuer, type IssuerProcess } from '../test/processes';

/** The built issuer and token CLI (npm run build first), as the stack and a developer run them. */
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const bearer = (token: string) => `Bearer ${token}`;

describe('dev issuer', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  /** The CLI's: the test profile's port is 0, so it is told the running issuer's URL. */
  let cliEnv: NodeJS.ProcessEnv;
  let issuer: IssuerProcess;
  let discovery: { issuer: string; jwks_uri: string };
  let verifier: TokenVerifier;

  const post = (body: unknown, contentType = 'application/json') =>
    fetch(`${issuer.url}/token`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tally-dev-issuer-'));
    const { ISSUER_URL: _u, ISSUER_KEY_DIR: _k, ...rest } = process.env;
    env = { ...rest, NODE_ENV: 'test', TALLY_DATA_DIR: dataDir };
    issuer = await startIssuer(env);
    cliEnv = { ...env, ISSUER_URL: issuer.url };
    discovery = (await (
      await fetch(`${issuer.url}/.well-known/openid-configuration`)
    ).json()) as typeof discovery;
    verifier = createTokenVerifier({
      issuer: discovery.issuer,
      audience: 'tally-api',
      jwksUrl: discovery.jwks_uri,
      roleScopes: DEFAULT_ROLE_SCOPES,
      jwksCooldownMs: 0,
    });
  });
  afterAll(async () => {
    await issuer?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('describes itself: issuer, JWKS with the public key only, health', async () => {
    expect(discovery).toEqual({
      issuer: issuer.url,
      jwks_uri: `${issuer.url}/.well-known/jwks.json`,
    });
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: object[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(existsSync(join(dataDir, 'auth', 'issuer-key.json'))).toBe(true);
    expect((await fetch(`${issuer.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${issuer.url}/health/live`)).status).toBe(200);
  });

  it('mints tokens the verifier accepts, with the role scopes and the subscriber as sub', async () => {
    const res = await post({ role: 'subscriber', user: 'u-9', ttl: '15m' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    const seconds = (Date.parse(expiresAt) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(800);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(await verifier.verify(bearer(token))).toEqual({
      identity: { authenticated: true, subject: 'u-9', scopes: new Set(['self']) },
    });

    const admin = (await (await post({ role: 'admin' })).json()) as { token: string };
    const { identity } = await verifier.verify(bearer(admin.token));
    expect([...identity.scopes].sort()).toEqual([...DEFAULT_ROLE_SCOPES.admin!].sort());
  });

  it.each([
    [{ role: 'root' }, 400, /unknown role "root"/],
    [{ role: 'subscriber' }, 400, /subscriber token needs/],
    [{ role: 'admin', ttl: '25h' }, 400, /ttl/],
    [{ role: 'admin', ttl: 3600 }, 400, /ttl must be a string/],
    [{}, 400, /role is required/],
    [['admin'], 400, /JSON object/],
    ['{"role":', 400, /not valid JSON/],
  ])('answers %j with %i and a JSON error', async (body, status, why) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.message).toMatch(why);
  });

  it('takes JSON only, so a browser cannot post a form to it unasked', async () => {
    const res = await post('role=admin', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
  });

  it('npm run token prints only a token, one the issuer vouches for', async () => {
    const run = await runTokenCli(['--role', 'agent', '--ttl', '1h'], cliEnv);
    expect(run).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+\n$/),
      stderr: '',
    });
    const { identity } = await verifier.verify(bearer(run.stdout.trim()));
    expect([...identity.scopes].sort()).toEqual([...DEFAULT_ROLE_SCOPES.agent!].sort());
  });

  it('npm run token refuses bad arguments with exit 2 and nothing on stdout', async () => {
    for (const args of [
      [],
      ['--role'],
      ['--role', 'root'],
      ['--role', 'subscriber'],
      ['--rol', 'admin'],
      ['--role', 'admin', '--ttl', '2d'],
    ]) {
      const run = await runTokenCli(args, cliEnv);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^token: /);
    }
    const help = await runTokenCli(['--help'], cliEnv);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--role <role>/);
  });

  it('follows the key file: a key made anew by the CLI is what the running issuer publishes', async () => {
    await rm(join(dataDir, 'auth'), { recursive: true, force: true });
    const run = await runTokenCli(['--role', 'mediation'], cliEnv);
    expect(run.code).toBe(0);
    const { identity, problem } = await verifier.verify(bearer(run.stdout.trim()));
    expect(problem).toBeUndefined();
    expect([...identity.scopes]).toEqual(['usage:write']);
  });

  it('leaves processes racing on an empty key folder with one key', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'tally-dev-issuer-race-'));
    try {
      const runs = await Promise.all(
        Array.from({ length: 4 }, () =>
          runTokenCli(['--role', 'admin'], { ...cliEnv, TALLY_DATA_DIR: fresh }),
        ),
      );
      const kids = runs.map((r) => {
        expect(r.stdout.trim()).toMatch(JWT);
        const header = JSON.parse(Buffer.from(r.stdout.split('.')[0]!, 'base64url').toString());
        return (header as { kid: string }).kid;
      });
      expect(new Set(kids).size).toBe(1);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('refuses to start in production, saying why, before making a key', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'tally-dev-issuer-prod-'));
    try {
      const run = await runToEnd(join(__dirname, '..', 'dist', 'main.js'), [], {
        ...env,
        NODE_ENV: 'production',
        TALLY_DATA_DIR: fresh,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/refuses the production profile/);
      expect(run.stderr).toMatch(/auth\.issuer/);
      expect(existsSync(join(fresh, 'auth'))).toBe(false);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
