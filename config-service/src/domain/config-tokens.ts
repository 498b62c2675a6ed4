import { isConfigName } from './names';

/**
 * `service=token` pairs, comma-separated (the CONFIG_TOKENS form), as a service -> token map.
 * A token may hold `=` (only the first one splits) but no comma.
 */
export function parseTokenPairs(spec: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    const service = pair.slice(0, at).trim();
    if (at <= 0 || !isConfigName(service))
      throw new Error('expected service=token pairs, comma-separated (a service name first)');
    tokens[service] = pair.slice(at + 1).trim();
  }
  return tokens;
}
