import { renderConnectProperties } from './connect-properties';

describe('renderConnectProperties', () => {
  const text = renderConnectProperties({
    brokers: '127.0.0.1:9092',
    port: 8083,
    pluginPath: '/repo/infra/.cache/connect-plugins',
    offsetsFile: '/repo/.data/connect/offsets',
  });
  const props = Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it('serves REST on loopback only and finds plugins under the plugin path', () => {
    expect(props.listeners).toBe('http://127.0.0.1:8083');
    expect(props['bootstrap.servers']).toBe('127.0.0.1:9092');
    expect(props['plugin.path']).toBe('/repo/infra/.cache/connect-plugins');
    expect(props['offset.storage.file.filename']).toBe('/repo/.data/connect/offsets');
  });

  it('reads JSON event values without embedded schemas, and plain string keys', () => {
    expect(props['value.converter']).toBe('org.apache.kafka.connect.json.JsonConverter');
    expect(props['value.converter.schemas.enable']).toBe('false');
    expect(props['key.converter']).toBe('org.apache.kafka.connect.storage.StringConverter');
  });

  it('puts no comment after a value (it would become part of it)', () => {
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).not.toMatch(/\s#/);
  });
});
