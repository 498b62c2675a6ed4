import { join } from 'node:path';
import { METRIC } from '@tally/service-kit';
import { sampleValue } from '@tally/testkit';
import { serveConfigService } from '../test/support/served';

const fixtures = join(__dirname, '..', 'test', 'fixtures', 'repo');
const TOKENS = {
  demo: 'fixture-token-demo-000001',
  'needs-secret': 'fixture-token-needs-secret',
  nobody: 'fixture-token-nobody-00001',
};

/** The config service's /metrics after requests that are served, refused and unresolved. */
describe("the config service's /metrics", () => {
  const served = serveConfigService({ configRepo: { dir: fixtures }, tokens: TOKENS });
  const get = (path: string, token?: string) =>
    fetch(`${served.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('counts requests by service and outcome, naming only services it has a token for', async () => {
    expect((await get('/v1/config/demo/test', TOKENS.demo)).status).toBe(200);
    expect((await get('/v1/config/demo/test', TOKENS.demo)).status).toBe(200);
    expect((await get('/v1/config/demo/test')).status).toBe(401);
    expect((await get('/v1/config/needs-secret/test', TOKENS.demo)).status).toBe(403);
    expect((await get('/v1/config/needs-secret/default', TOKENS['needs-secret'])).status).toBe(500);
    expect((await get('/v1/config/nobody/test', TOKENS.nobody)).status).toBe(404);
    expect((await get('/v1/config/made-up-name/test', TOKENS.demo)).status).toBe(403);

    const res = await get('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    const count = (target: string, outcome: string) =>
      sampleValue(text, METRIC.configRequests, { service: 'config-service', target, outcome });
    expect(count('demo', 'served')).toBe(2);
    expect(count('demo', 'unauthenticated')).toBe(1);
    expect(count('needs-secret', 'forbidden')).toBe(1);
    expect(count('needs-secret', 'unresolved')).toBe(1);
    expect(count('nobody', 'unknown_service')).toBe(1);
    expect(count('other', 'forbidden')).toBe(1);
    expect(count('made-up-name', 'forbidden')).toBeUndefined();
  });
});
