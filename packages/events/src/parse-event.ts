import { eventSchemas, type TallyEvent } from './envelope';
import { describeIssues } from './describe-issues';
import { EVENT_VERSIONS, isEventType } from './payloads';

export type ParseResult = { ok: true; event: TallyEvent } | { ok: false; reason: string };

/**
 * Reads a Kafka message value. Never throws: a message that can never be processed comes
 * back with the reason, for the dead-letter topic.
 */
export function parseEvent(input: Buffer | Uint8Array | string): ParseResult {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'not a JSON object' };
  const { type, version } = raw as { type?: unknown; version?: unknown };
  if (!isEventType(type))
    return { ok: false, reason: `unknown event type ${JSON.stringify(type)}` };
  if (version !== EVENT_VERSIONS[type]) {
    return {
      ok: false,
      reason: `unsupported version ${JSON.stringify(version)} of ${type} (supported: ${EVENT_VERSIONS[type]})`,
    };
  }
  const result = eventSchemas[type].safeParse(raw);
  if (!result.success)
    return {
      ok: false,
      reason: `invalid ${type} v${EVENT_VERSIONS[type]}: ${describeIssues(result.error)}`,
    };
  return { ok: true, event: result.data };
}
