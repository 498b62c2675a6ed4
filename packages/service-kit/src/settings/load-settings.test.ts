import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { baseSettings } from './common-schema';
import { loadSettings, SettingsError } from './load-settings';

function serviceRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'settings-'));
  const dir = join(root, 'config');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return root;
}

const schema = baseSettings.extend({ greeting: z.string() });

describe('loadSettings', () => {
  it('lays the service files over the kit defaults, then the overrides', async () => {
    const root = serviceRoot({
      'default.yml': 'port: 4999\ngreeting: hello\n',
      'test.yml': 'greeting: hello from test\n',
    });
    const settings = await loadSettings({
      service: 'demo',
      root,
      schema,
      overrides: { host: '0.0.0.0' },
    });
    expect(settings).toMatchObject({
      port: 4999,
      greeting: 'hello from test',
      host: '0.0.0.0',
      profile: 'test',
    });
    expect(settings.log.level).toBe('warn'); // the kit's test.yml
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('names every invalid setting', async () => {
    const root = serviceRoot({ 'default.yml': 'port: not-a-port\n' });
    await expect(loadSettings({ service: 'demo', root, schema })).rejects.toThrow(SettingsError);
    await expect(loadSettings({ service: 'demo', root, schema })).rejects.toThrow(
      /port: .*greeting: /,
    );
  });
});
