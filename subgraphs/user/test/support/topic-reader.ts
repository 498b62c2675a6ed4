import type { MessageBus } from '@tally/messaging';
import { WaitTimedOut, waitUntil } from '@tally/retry';

export interface ReadEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/** Reads a topic from its beginning into `events`; `waitFor` resolves once a condition holds. */
export async function readTopic(bus: MessageBus, topic: string) {
  const events: ReadEvent[] = [];
  const following = await bus.follow(topic, (message) => {
    events.push(JSON.parse(String(message.value)) as ReadEvent);
  });
  return {
    events,
    of: (type: string) => events.filter((e) => e.type === type),
    waitFor: (what: string, holds: (events: ReadEvent[]) => boolean, timeoutMs = 30_000) =>
      until(what, () => holds(events), timeoutMs),
    stop: () => following.stop(),
  };
}

export async function until(what: string, holds: () => boolean, timeoutMs = 30_000) {
  await waitUntil(holds, { deadlineMs: timeoutMs, intervalMs: 50, retryIf: () => false }).catch(
    (err: unknown) => {
      if (!(err instanceof WaitTimedOut)) throw err;
      throw new Error(`timed out waiting for ${what}`);
    },
  );
}
