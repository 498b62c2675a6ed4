import { randomBytes } from 'node:crypto';

/**
 * `prefix-<time>-<random>`: unique per call, and safe both as a MongoDB database name
 * (short, no `/\. "$`) and as a Kafka topic or group name ([a-zA-Z0-9._-]).
 */
export function uniqueName(prefix: string): string {
  const safe = prefix.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 30);
  return `${safe}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
