import Module from 'node:module';
import { join } from 'node:path';

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const original = loader._resolveFilename;
const ROOT = join(__dirname, '..', '..', '..');

/*
 * Importing this module makes `@tally/<name>` resolve to packages/<name>/src, as the jest
 * config's moduleNameMapper has it for tests, until `stopResolvingToSources()`. Jest loads
 * the global setup with plain Node resolution, where these names would mean the packages'
 * dist/, stale or not built yet.
 */
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  const name = /^@tally\/([a-z-]+)$/.exec(request)?.[1];
  const target = name ? join(ROOT, 'packages', name, 'src') : request;
  return original.call(this, target, ...rest);
};

export function stopResolvingToSources(): void {
  loader._resolveFilename = original;
}
