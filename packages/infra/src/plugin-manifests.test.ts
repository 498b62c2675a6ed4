import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOnPath } from './find-command';
import { ensurePluginExtras } from './plugin-manifests';

const jarTool = findOnPath('jar');
const javac = findOnPath('javac');
const REPO = join(__dirname, '..', '..', '..');
const CONNECT_LIB = join(REPO, 'infra', '.cache', 'connect', 'lib');
const PLUGIN = 'connect-plugins/mongo-sink';

(jarTool && javac ? describe : describe.skip)('ensurePluginExtras', () => {
  let root: string;
  let classPathDir: string;
  const source = () => join(root, 'infra', PLUGIN);
  const services = () => join(source(), 'META-INF', 'services');
  const cache = () => join(root, 'infra', '.cache', PLUGIN);
  const jar = () => join(cache(), 'tally-extras.jar');
  const entries = () =>
    execFileSync(jarTool!, ['tf', jar()], { encoding: 'utf8' }).trim().split('\n');
  const writeSource = (body: string) => {
    mkdirSync(join(source(), 'src', 'a'), { recursive: true });
    writeFileSync(
      join(source(), 'src', 'a', 'Smt.java'),
      `package a;\npublic class Smt {${body}}\n`,
    );
  };
  const build = () => ensurePluginExtras(root, PLUGIN, { classPathDir });
  const builtAt = () => statSync(jar()).mtimeMs;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tally-extras-'));
    classPathDir = join(root, 'lib');
    mkdirSync(classPathDir);
    mkdirSync(services(), { recursive: true });
    writeFileSync(join(services(), 'org.apache.kafka.connect.sink.SinkConnector'), 'a.Sink\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('packs the manifests into a jar in the plugin folder, once while they are unchanged', async () => {
    await build();
    expect(entries()).toContain('META-INF/services/org.apache.kafka.connect.sink.SinkConnector');
    const packed = builtAt();
    await build();
    expect(builtAt()).toBe(packed);

    writeFileSync(join(services(), 'org.apache.kafka.connect.source.SourceConnector'), 'a.Src\n');
    await build();
    expect(entries()).toContain(
      'META-INF/services/org.apache.kafka.connect.source.SourceConnector',
    );
  });

  it('compiles the plugin’s sources into the same jar, again only when a source or the class path changes', async () => {
    writeSource('');
    await build();
    expect(entries()).toEqual(
      expect.arrayContaining([
        'a/Smt.class',
        'META-INF/services/org.apache.kafka.connect.sink.SinkConnector',
      ]),
    );
    const compiled = builtAt();
    await build();
    expect(builtAt()).toBe(compiled);

    writeSource(' public static final int V = 2; ');
    await build();
    const recompiled = builtAt();
    expect(recompiled).not.toBe(compiled);

    // Connect upgraded: another jar name in the class path folder.
    const empty = join(root, 'empty');
    mkdirSync(empty);
    execFileSync(jarTool!, ['cfM', join(classPathDir, 'connect-api-9.9.9.jar'), '-C', empty, '.']);
    await build();
    expect(builtAt()).not.toBe(recompiled);
  });

  it('fails with javac’s message and leaves no jar when a source does not compile', async () => {
    writeSource(' int broken = ; ');
    await expect(build()).rejects.toThrow(/building tally-extras\.jar of .* failed: .*error/s);
    expect(existsSync(jar())).toBe(false);
    expect(readdirSync(cache())).toEqual([]);
  });

  it('removes the manifests-only jar of earlier versions', async () => {
    mkdirSync(cache(), { recursive: true });
    writeFileSync(join(cache(), 'service-manifests.jar'), 'old');
    await build();
    expect(readdirSync(cache()).sort()).toEqual(['tally-extras.jar', 'tally-extras.jar.sha256']);
  });

  // The real plugin's sources against the real Connect jars, when a run has fetched them.
  (existsSync(CONNECT_LIB) ? it : it.skip)(
    'compiles the usage backup’s transform and lists it as a Transformation',
    async () => {
      rmSync(source(), { recursive: true });
      cpSync(join(REPO, 'infra', PLUGIN), source(), { recursive: true });
      classPathDir = CONNECT_LIB;
      await build();
      expect(entries()).toEqual(
        expect.arrayContaining([
          'tally/connect/RequireUsageEvent.class',
          'META-INF/services/org.apache.kafka.connect.transforms.Transformation',
        ]),
      );
    },
  );
});
