import { parseEvent } from '@tally/events';
import type { MessageBus } from '@tally/messaging';
import { letterId, type DeadLetter } from './dead-letters';

export interface ReplayPlan {
  /** Valid events, back to the topic they came from, as they were. */
  replay: DeadLetter[];
  /** What replaying cannot help (not an event, or no original topic), with why. */
  skip: Array<{ letter: DeadLetter; why: string }>;
}

/**
 * Which dead letters to send back: those set aside at or after `since` that hold a valid
 * event (one that failed to parse would only come back). Consumers apply an event once
 * whatever its deliveries, so replaying a letter twice changes nothing more than once.
 */
export function planReplay(letters: DeadLetter[], since?: Date): ReplayPlan {
  const plan: ReplayPlan = { replay: [], skip: [] };
  for (const letter of letters) {
    if (since && letter.at < since) continue;
    if (!letter.original.topic) {
      plan.skip.push({ letter, why: 'no original-topic header' });
      continue;
    }
    const parsed = parseEvent(letter.value?.toString() ?? '');
    if (!parsed.ok) plan.skip.push({ letter, why: `can never be processed: ${parsed.reason}` });
    else plan.replay.push(letter);
  }
  return plan;
}

/**
 * Sends each planned letter to its original topic with its key and bytes, in order, over a
 * publisher of its own (connected for the replay, disconnected after, failed or not).
 */
export async function replay(
  bus: Pick<MessageBus, 'publisher'>,
  deadLetterTopic: string,
  letters: DeadLetter[],
) {
  const publisher = bus.publisher();
  await publisher.connect();
  try {
    for (const letter of letters) {
      await publisher.publish([
        {
          topic: letter.original.topic,
          key: letter.key,
          value: letter.value,
          headers: { 'replayed-from': `${deadLetterTopic}:${letterId(letter)}` },
        },
      ]);
    }
  } finally {
    await publisher.disconnect();
  }
}
