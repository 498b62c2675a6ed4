import { letterId, planReplay, readDeadLetters, replay, type DeadLetter } from '@tally/dlq';
import type { MessageBus } from '@tally/messaging';
import type { DeadLetterDetail, DeadLetterView, DeadLettersView, ReplayResult } from './ops-types';

/** How many letters the list shows (newest first); `show` and replay reach every one. */
export const LETTERS_SHOWN = 200;

function eventTypeOf(value: Buffer | null): string | null {
  try {
    const parsed = JSON.parse(value?.toString() ?? '') as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : null;
  } catch {
    return null;
  }
}

export function letterView(l: DeadLetter): DeadLetterView {
  return {
    id: letterId(l),
    at: l.at.toISOString(),
    reason: l.reason,
    original: l.original,
    key: l.key?.toString() ?? null,
    eventType: eventTypeOf(l.value),
    bytes: l.value?.length ?? 0,
  };
}

function pretty(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value; // not JSON: shown as it is
  }
}

/**
 * The dead-letter topic through packages/dlq (what `npm run dlq -- list|show|replay` does).
 * Reading the topic costs a throwaway reader, so the letters are read again only when the
 * topic's end offsets moved.
 */
export function deadLetterSource(bus: MessageBus, topic: string) {
  const admin = bus.admin();
  let cached: { ends: string; letters: DeadLetter[] } | undefined;

  async function letters(): Promise<DeadLetter[]> {
    const ranges = await admin.partitionRanges(topic);
    const ends = ranges.map((r) => `${r.partition}:${r.high}`).join(',');
    if (cached?.ends !== ends) cached = { ends, letters: await readDeadLetters(bus, topic) };
    return cached.letters;
  }

  return {
    async list(): Promise<DeadLettersView> {
      const all = await letters();
      const newest = [...all].sort((a, b) => b.at.getTime() - a.at.getTime());
      return { topic, total: all.length, letters: newest.slice(0, LETTERS_SHOWN).map(letterView) };
    },
    async show(id: string): Promise<DeadLetterDetail | undefined> {
      const found = (await letters()).find((l) => letterId(l) === id);
      return found && { ...letterView(found), value: pretty(found.value?.toString() ?? '') };
    },
    /** Sends back the letters named (all when none are), as `npm run dlq -- replay` does. */
    async replay(ids: readonly string[] | undefined): Promise<ReplayResult> {
      const all = await letters();
      const wanted = ids ? new Set(ids) : undefined;
      const chosen = wanted ? all.filter((l) => wanted.has(letterId(l))) : all;
      const plan = planReplay(chosen);
      const found = new Set(chosen.map(letterId));
      const missing = [...(wanted ?? [])].filter((id) => !found.has(id));
      await replay(bus, topic, plan.replay);
      return {
        replayed: plan.replay.map((l) => ({ id: letterId(l), topic: l.original.topic })),
        skipped: [
          ...plan.skip.map(({ letter, why }) => ({ id: letterId(letter), why })),
          ...missing.map((id) => ({ id, why: `no dead letter ${id} in ${topic}` })),
        ],
      };
    },
    close: () => admin.close(),
  };
}

export type DeadLetterSource = ReturnType<typeof deadLetterSource>;
