import { join, resolve } from 'node:path';
import {
  configuredIssuerUrl,
  issuerConfig,
  keyDirOf,
  ProductionRefused,
  refuseProduction,
  type Settings,
} from './config';

const repoRoot = join(__dirname, '..', '..', '..');

describe('keyDirOf', () => {
  it('is .data/auth at the repo root by default, or auth/ under TALLY_DATA_DIR', () => {
    expect(keyDirOf(undefined, {})).toBe(join(repoRoot, '.data', 'auth'));
    expect(keyDirOf(undefined, { TALLY_DATA_DIR: '  ' })).toBe(join(repoRoot, '.data', 'auth'));
    expect(keyDirOf(undefined, { TALLY_DATA_DIR: '/tmp/run-1' })).toBe('/tmp/run-1/auth');
    expect(keyDirOf(undefined, { TALLY_DATA_DIR: 'runs/a' })).toBe(resolve('runs/a', 'auth'));
  });

  it('takes the setting when there is one, relative to the repo root', () => {
    expect(keyDirOf('/srv/keys', { TALLY_DATA_DIR: '/tmp/x' })).toBe('/srv/keys');
    expect(keyDirOf('keys/dev', {})).toBe(join(repoRoot, 'keys', 'dev'));
  });
});

describe('refuseProduction', () => {
  it('refuses NODE_ENV=production only', () => {
    expect(() => refuseProduction('the issuer', 'production')).toThrow(ProductionRefused);
    for (const nodeEnv of [undefined, 'development', 'test', 'staging'])
      expect(() => refuseProduction('the issuer', nodeEnv)).not.toThrow();
  });
});

describe('configuredIssuerUrl', () => {
  const settings = (port: number, url?: string) =>
    ({
      host: '127.0.0.1',
      port,
      issuer: { audience: 'tally-api', url },
    }) as Settings;

  it('is issuer.url when set, else this host and port', () => {
    expect(configuredIssuerUrl(settings(4300), issuerConfig(settings(4300)))).toBe(
      'http://127.0.0.1:4300',
    );
    const named = settings(4300, 'https://issuer.dev.example');
    expect(configuredIssuerUrl(named, issuerConfig(named))).toBe('https://issuer.dev.example');
  });

  it('refuses to guess when the port is picked at start (0)', () => {
    expect(() => configuredIssuerUrl(settings(0), issuerConfig(settings(0)))).toThrow(/ISSUER_URL/);
  });
});
