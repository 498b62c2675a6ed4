import { createMessageBus } from '@tally/messaging';
import { waitUntil } from '@tally/retry';
import { createLogger } from '@tally/service-kit';

export interface Progress {
  /** Messages on the usage topic (sum of the partitions' high watermarks). */
  published: number;
  /** Per settlement group: offsets committed on the usage topic (committed = applied). */
  applied: Record<string, number>;
}

export interface Membership {
  /** groupId → its state and member ids; a member id that changes was evicted or restarted. */
  [groupId: string]: { state: string; members: string[] };
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

/**
 * Watches settlement through the brokers' admin API: the consumer commits a batch's offsets only
 * after its effect is stored, so committed offsets on the usage topic = events applied. The
 * settlement groups are found by name (containing "settlement") and by their assignment (the
 * usage topic), so a renamed or added group is still seen; Connect's group is not one of them.
 */
export function settlementProgress(brokers: string, usageTopic: string) {
  const admin = createMessageBus({
    clientId: 'bench-scale',
    brokers: [brokers],
    logger: createLogger('bench-scale', 'silent'),
  }).admin();

  async function describe() {
    const ids = (await admin.groupIds()).filter((id) => id.includes('settlement'));
    const described = await admin.describeGroups(ids);
    return described.filter((g) => g.members.some((m) => m.topics.includes(usageTopic)));
  }

  async function progress(): Promise<Progress> {
    const [groups, ranges] = await Promise.all([describe(), admin.partitionRanges(usageTopic)]);
    const applied: Record<string, number> = {};
    for (const g of groups) {
      const committed = await admin.committedOffsets(g.groupId, usageTopic);
      applied[g.groupId] = sum(committed.map((p) => Math.max(0, Number(p.offset))));
    }
    return { published: sum(ranges.map((p) => Number(p.high))), applied };
  }

  return {
    progress,
    async membership(): Promise<Membership> {
      const result: Membership = {};
      for (const g of await describe())
        result[g.groupId] = { state: g.state, members: g.members.map((m) => m.memberId).sort() };
      return result;
    },
    /**
     * Resolves once at least `published` messages are on the topic and every settlement group
     * has applied all of them; throws when nothing moves for `stallMs`.
     */
    async waitApplied(
      published: number,
      stallMs: number,
      onProgress: (p: Progress) => void = () => {},
    ): Promise<Progress> {
      let last = '';
      let movedAt = Date.now();
      return waitUntil(
        async () => {
          const p = await progress();
          const groups = Object.values(p.applied);
          if (
            p.published >= published &&
            groups.length > 0 &&
            groups.every((a) => a >= p.published)
          )
            return p;
          const key = JSON.stringify(p);
          if (key !== last) {
            last = key;
            movedAt = Date.now();
            onProgress(p);
          } else if (Date.now() - movedAt > stallMs) {
            throw new Error(
              `settlement made no progress for ${stallMs / 1000} s: ${p.published} of ${published} published, applied ${JSON.stringify(p.applied)}`,
            );
          }
          return undefined;
        },
        { deadlineMs: Infinity, intervalMs: 200, retryIf: () => false },
      );
    },
    stop: () => admin.close(),
  };
}

export type SettlementProgress = ReturnType<typeof settlementProgress>;
