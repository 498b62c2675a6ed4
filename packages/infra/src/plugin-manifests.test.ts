import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from './find-command';
import { ensurePluginManifests } from './plugin-manifests';

const jarTool = findOnPath('jar');

(jarTool ? describe : describe.skip)('ensurePluginManifests', () => {
  let root: string;
  const services = () =>
    join(root, 'infra', 'connect-plugins', 'mongo-sink', 'META-INF', 'services');
  const jar = () =>
    join(root, 'infra', '.cache', 'connect-plugins', 'mongo-sink', 'service-manifests.jar');
  const entries = () =>
    execFileSync(jarTool!, ['tf', jar()], { encoding: 'utf8' }).trim().split('\n');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tally-manifests-'));
    mkdirSync(services(), { recursive: true });
    writeFileSync(join(services(), 'org.apache.kafka.connect.sink.SinkConnector'), 'a.Sink\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('packs the manifests into a jar in the plugin folder, once while they are unchanged', async () => {
    await ensurePluginManifests(root, 'connect-plugins/mongo-sink');
    expect(entries()).toContain('META-INF/services/org.apache.kafka.connect.sink.SinkConnector');
    const packed = statSync(jar()).mtimeMs;
    await ensurePluginManifests(root, 'connect-plugins/mongo-sink');
    expect(statSync(jar()).mtimeMs).toBe(packed);

    writeFileSync(join(services(), 'org.apache.kafka.connect.source.SourceConnector'), 'a.Src\n');
    await ensurePluginManifests(root, 'connect-plugins/mongo-sink');
    expect(entries()).toContain(
      'META-INF/services/org.apache.kafka.connect.source.SourceConnector',
    );
  });
});
