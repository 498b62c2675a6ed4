import { randomUUID } from 'node:crypto';
import type { EventOf } from './envelope';
import { eventSchemas } from './envelope';
import { EVENT_VERSIONS, type EventData, type EventType } from './payloads';
import { describeIssues } from './describe-issues';

export class InvalidEventError extends Error {
  override name = 'InvalidEventError';
  /** A producer bug, not a transient failure: retrying cannot help. */
  readonly retriable = false;
}

/**
 * Builds an event at its current version, validated like a consumer will validate it, so a
 * producer fails loudly instead of publishing a message that would be dead-lettered.
 */
export function createEvent<T extends EventType>(
  type: T,
  subject: string,
  data: EventData<T>,
  options: { id?: string; occurredAt?: Date } = {},
): EventOf<T> {
  const event = {
    id: options.id ?? randomUUID(),
    type,
    version: EVENT_VERSIONS[type],
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    subject,
    data,
  };
  const result = eventSchemas[type].safeParse(event);
  if (!result.success)
    throw new InvalidEventError(`invalid ${type} event: ${describeIssues(result.error)}`);
  return result.data as EventOf<T>;
}
