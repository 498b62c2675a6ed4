import type { BusAdmin, PartitionOffset, PartitionRange } from '@tally/messaging';
import type { ConsumerGroupView, PartitionLagView } from './ops-types';

/** A partition's lag: end less committed (from the log start when nothing is committed). */
export function partitionLag(
  topic: string,
  range: PartitionRange,
  committed: PartitionOffset | undefined,
): PartitionLagView {
  const [low, high] = [BigInt(range.low), BigInt(range.high)];
  const offset = committed && committed.offset !== '-1' ? BigInt(committed.offset) : null;
  const from = offset === null || offset < low ? low : offset;
  return {
    topic,
    partition: range.partition,
    committed: offset === null ? null : String(offset),
    end: range.high,
    lag: Number(high > from ? high - from : 0n),
  };
}

/** Messages a topic has taken in since it was made: the sum of its partitions' end offsets. */
export const endOffsetSum = (ranges: readonly PartitionRange[]) =>
  ranges.reduce((n, r) => n + Number(r.high), 0);

/** Each topic's partition ranges now. */
export async function topicRanges(
  admin: BusAdmin,
  topics: readonly string[],
): Promise<Map<string, PartitionRange[]>> {
  return new Map(
    await Promise.all(topics.map(async (t) => [t, await admin.partitionRanges(t)] as const)),
  );
}

/** How far `groupId` is behind on each partition of the topics of `ranges`. */
export async function groupLag(
  admin: BusAdmin,
  groupId: string,
  ranges: ReadonlyMap<string, readonly PartitionRange[]>,
): Promise<PartitionLagView[]> {
  const perTopic = await Promise.all(
    [...ranges].map(async ([topic, partitions]) => {
      const committed = await admin.committedOffsets(groupId, topic);
      const at = new Map(committed.map((c) => [c.partition, c]));
      return partitions.map((r) => partitionLag(topic, r, at.get(r.partition)));
    }),
  );
  return perTopic
    .flat()
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/**
 * Every consumer group of this deployment (named `<prefix>.…`) with its lag per partition on
 * each known topic it consumes: those its members are assigned, or where it committed.
 */
export async function consumerGroups(
  admin: BusAdmin,
  prefix: string,
  topics: readonly string[],
): Promise<ConsumerGroupView[]> {
  const ids = (await admin.groupIds()).filter((id) => id.startsWith(`${prefix}.`)).sort();
  const described = new Map((await admin.describeGroups(ids)).map((g) => [g.groupId, g]));
  const existing = new Set(await admin.topics());
  const ranges = await topicRanges(
    admin,
    topics.filter((t) => existing.has(t)),
  );
  return Promise.all(
    ids.map(async (groupId) => {
      const group = described.get(groupId);
      const assigned = new Set(group?.members.flatMap((m) => m.topics) ?? []);
      const all = await groupLag(admin, groupId, ranges);
      // A topic the group consumes keeps all its partitions, committed or not yet.
      const consumed = new Set(
        all.filter((p) => assigned.has(p.topic) || p.committed !== null).map((p) => p.topic),
      );
      const partitions = all.filter((p) => consumed.has(p.topic));
      return {
        groupId,
        state: group?.state ?? 'Unknown',
        members: group?.members.length ?? 0,
        totalLag: partitions.reduce((n, p) => n + p.lag, 0),
        partitions,
      };
    }),
  );
}
