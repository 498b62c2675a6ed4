import type { PartitionOffset, PartitionRange } from '@tally/messaging';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * How far a group is behind on one topic: each partition's high watermark less the group's
 * committed offset. A group with nothing committed yet is behind by what the partition holds
 * (it starts from the beginning); an offset below the log's start counts from the start.
 */
export function partitionLags(
  topic: string,
  ranges: readonly PartitionRange[],
  committed: readonly PartitionOffset[],
): PartitionLag[] {
  const at = new Map(committed.map((c) => [c.partition, BigInt(c.offset)]));
  return ranges.map((r) => {
    const [low, high] = [BigInt(r.low), BigInt(r.high)];
    const offset = at.get(r.partition) ?? -1n;
    const from = offset < low ? low : offset;
    return { topic, partition: r.partition, lag: Number(high > from ? high - from : 0n) };
  });
}

/** Messages a topic holds now: the sum over its partitions of high less low. */
export function topicSize(ranges: readonly PartitionRange[]): number {
  return ranges.reduce((n, r) => n + Number(BigInt(r.high) - BigInt(r.low)), 0);
}
