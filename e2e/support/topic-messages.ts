import { WaitTimedOut, waitUntil } from '@tally/retry';
import { e2eBus } from './message-bus';

/** The values of every message a topic holds now: how a test counts what was published. */
export async function topicMessages(topic: string): Promise<string[]> {
  return (await e2eBus().readTopicToEnd(topic)).map((m) => m.value?.toString() ?? '');
}

/**
 * Resolves once `groupId` has committed every message `topic` holds at call time: all that
 * was published by then has been applied (consumers commit only after storing the effect).
 */
export async function consumedAll(groupId: string, topic: string, deadlineMs = 60_000) {
  const admin = e2eBus().admin();
  try {
    const ends = await admin.partitionRanges(topic);
    let behind: number[] = [];
    await waitUntil(
      async () => {
        const committed = await admin.committedOffsets(groupId, topic);
        behind = ends
          .filter((end) => {
            const at = committed.find((p) => p.partition === end.partition)?.offset;
            return Number(end.high) > 0 && Number(at ?? -1) < Number(end.high);
          })
          .map((end) => end.partition);
        return behind.length === 0;
      },
      { deadlineMs, intervalMs: 200, retryIf: () => false },
    ).catch((err: unknown) => {
      if (!(err instanceof WaitTimedOut)) throw err;
      throw new Error(`${groupId} still behind on ${topic} partitions ${behind.join(',')}`);
    });
  } finally {
    await admin.close();
  }
}
