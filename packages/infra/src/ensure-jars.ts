import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireCommand } from './find-command';
import { infraPaths, type JarSet } from './paths';

const LABEL: Record<JarSet, string> = {
  kafka: 'Kafka',
  mongo: 'MongoDB',
  connect: 'Kafka Connect',
  'connect-plugins/mongo-sink': 'MongoDB sink connector',
};

function pomDigest(pom: string): string {
  return createHash('sha256').update(readFileSync(pom)).digest('hex');
}

/** True when the jars in the cache were fetched for the current pom.xml. */
export function jarsUpToDate(rootDir: string, name: JarSet): boolean {
  const paths = infraPaths(rootDir);
  const stamp = join(paths.cache(name), 'pom.sha256');
  if (!existsSync(stamp) || !existsSync(paths.lib(name))) return false;
  return readFileSync(stamp, 'utf8').trim() === pomDigest(paths.pom(name));
}

/**
 * Makes `infra/.cache/<name>/lib` hold the runtime jars of `infra/<name>/pom.xml`. Maven runs
 * only when the pom changed since the last fetch (a sha256 stamp says so); the jars land in a
 * temp dir first and are renamed into place, so an interrupted fetch never looks complete.
 * Returns the lib dir.
 */
export async function ensureJars(
  rootDir: string,
  name: JarSet,
  log: (line: string) => void = console.log,
): Promise<string> {
  const paths = infraPaths(rootDir);
  const lib = paths.lib(name);
  if (jarsUpToDate(rootDir, name)) return lib;

  requireCommand('java');
  const mvn = requireCommand('mvn');
  log(`infra: fetching ${LABEL[name]} jars from Maven Central (first run only)…`);
  const digest = pomDigest(paths.pom(name));
  mkdirSync(paths.cache(name), { recursive: true });
  const staging = `${lib}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await runMaven(mvn, [
      '-q',
      '-B',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
      '-f',
      paths.pom(name),
    ]);
    rmSync(lib, { recursive: true, force: true });
    renameSync(staging, lib);
    writeFileSync(join(paths.cache(name), 'pom.sha256'), `${digest}\n`);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    // A concurrent run may have finished the same fetch first.
    if (jarsUpToDate(rootDir, name)) return lib;
    throw err;
  }
  return lib;
}

function runMaven(mvn: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      const tail = output.trimEnd().split('\n').slice(-20).join('\n');
      reject(new Error(`mvn ${args.join(' ')} failed with ${signal ?? `code ${code}`}:\n${tail}`));
    });
  });
}
