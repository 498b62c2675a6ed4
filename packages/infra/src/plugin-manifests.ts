import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { findOnPath, requireCommand } from './find-command';
import { infraPaths, type ConnectPlugin } from './paths';

const execFileAsync = promisify(execFile);

/** The jar of our own additions, in the plugin's folder on the worker's plugin path. */
export const PLUGIN_EXTRAS_JAR = 'tally-extras.jar';

export interface PluginExtrasOptions {
  /** A folder of jars to compile against (Connect's API): `infra/.cache/connect/lib`. */
  classPathDir: string;
}

/**
 * Builds `infra/.cache/<plugin>/tally-extras.jar`, inside the plugin's folder on the worker's
 * plugin path, from what `infra/<plugin>/` adds to the third-party plugin:
 *
 * - its ServiceLoader manifests (`META-INF/services/`): with them the worker finds its plugins
 *   by ServiceLoader (plugin.discovery=service_load) in well under a second, instead of
 *   reflectively scanning every class of every jar for ten seconds; the MongoDB connector
 *   ships without them (this is what Kafka's `connect-plugin-path sync-manifests` would write);
 * - our own classes (`src/**\/*.java`, e.g. the RequireUsageEvent transform), compiled with
 *   `javac --release 17` against `classPathDir`, loaded by the plugin's class loader.
 *
 * Rebuilt only when the manifests, the sources or the jars compiled against change (a sha256
 * stamp beside the jar says so).
 */
export async function ensurePluginExtras(
  rootDir: string,
  plugin: ConnectPlugin,
  opts: PluginExtrasOptions,
): Promise<string> {
  const paths = infraPaths(rootDir);
  const source = join(rootDir, 'infra', plugin);
  const sources = javaSources(join(source, 'src')).map((f) => relative(source, f));
  const stamp = `${digestOf(source, sources, opts.classPathDir)}\n`;
  const jar = join(paths.cache(plugin), PLUGIN_EXTRAS_JAR);
  const stampFile = `${jar}.sha256`;
  // The manifests-only jar of earlier versions would list the connector twice.
  rmSync(join(paths.cache(plugin), 'service-manifests.jar'), { force: true });
  rmSync(join(paths.cache(plugin), 'service-manifests.jar.sha256'), { force: true });
  if (existsSync(jar) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return jar;

  mkdirSync(paths.cache(plugin), { recursive: true });
  const staging = `${jar}.tmp-${process.pid}`;
  const classes = `${staging}.classes`;
  try {
    rmSync(classes, { recursive: true, force: true });
    mkdirSync(classes, { recursive: true });
    if (sources.length > 0) {
      const javac = findOnPath('javac');
      if (!javac)
        throw new Error(
          'the JDK compiler `javac` was not found on PATH — install a full JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)',
        );
      const classPath = join(opts.classPathDir, '*');
      const args = ['--release', '17', '-encoding', 'UTF-8', '-d', classes, '-cp', classPath];
      await execFileAsync(javac, [...args, ...sources], { cwd: source });
    }
    const jarArgs = ['--create', '--no-manifest', `--file=${staging}`];
    const contents = ['-C', source, 'META-INF/services', '-C', classes, '.'];
    await execFileAsync(requireCommand('jar'), [...jarArgs, ...contents]);
    renameSync(staging, jar);
    writeFileSync(stampFile, stamp);
    return jar;
  } catch (err) {
    rmSync(staging, { force: true });
    const { stderr = '' } = err as { stderr?: string };
    throw new Error(
      `building ${PLUGIN_EXTRAS_JAR} of ${plugin} failed: ${stderr.trim() || String(err)}`,
    );
  } finally {
    rmSync(classes, { recursive: true, force: true });
  }
}

/** Every `.java` file below `dir`, sorted; none when it does not exist. */
function javaSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.java'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What the jar is built from: manifests and sources by content, the class path by jar names. */
function digestOf(source: string, sources: string[], classPathDir: string): string {
  const digest = createHash('sha256');
  const services = join(source, 'META-INF', 'services');
  for (const f of readdirSync(services).sort())
    digest.update(`service ${f}\n${readFileSync(join(services, f), 'utf8')}\n`);
  for (const f of sources) digest.update(`source ${f}\n${readFileSync(join(source, f), 'utf8')}\n`);
  const jars = existsSync(classPathDir) ? readdirSync(classPathDir).sort() : [];
  if (sources.length > 0) digest.update(`class path ${jars.join(' ')}\n`);
  return digest.digest('hex');
}
