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
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireCommand } from './find-command';
import { infraPaths, type ConnectPlugin } from './paths';

const execFileAsync = promisify(execFile);

/**
 * Packs the plugin's ServiceLoader manifests (kept in `infra/<plugin>/META-INF/services/`)
 * into `infra/.cache/<plugin>/service-manifests.jar`, inside the plugin's folder on the
 * worker's plugin path. With them the worker finds its plugins by ServiceLoader
 * (plugin.discovery=service_load) in well under a second, instead of reflectively scanning every
 * class of every jar for ten seconds; the MongoDB connector ships without them. This is what
 * Kafka's `connect-plugin-path sync-manifests` would write, kept beside the jars instead of in
 * them. Repacked only when the manifests change.
 */
export async function ensurePluginManifests(rootDir: string, plugin: ConnectPlugin): Promise<void> {
  const paths = infraPaths(rootDir);
  const source = join(rootDir, 'infra', plugin);
  const services = join(source, 'META-INF', 'services');
  const files = readdirSync(services).sort();
  const digest = createHash('sha256');
  for (const f of files) digest.update(`${f}\n${readFileSync(join(services, f), 'utf8')}\n`);
  const stamp = `${digest.digest('hex')}\n`;
  const jar = join(paths.cache(plugin), 'service-manifests.jar');
  const stampFile = `${jar}.sha256`;
  if (existsSync(jar) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;

  mkdirSync(paths.cache(plugin), { recursive: true });
  const staging = `${jar}.tmp-${process.pid}`;
  try {
    const args = [
      '--create',
      '--no-manifest',
      `--file=${staging}`,
      '-C',
      source,
      'META-INF/services',
    ];
    await execFileAsync(requireCommand('jar'), args);
    renameSync(staging, jar);
    writeFileSync(stampFile, stamp);
  } catch (err) {
    rmSync(staging, { force: true });
    const { stderr = '' } = err as { stderr?: string };
    throw new Error(
      `packing the service manifests of ${plugin} failed: ${stderr.trim() || String(err)}`,
    );
  }
}
