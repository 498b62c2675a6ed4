import type { BusAdmin } from '@tally/messaging';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { USAGE_DAYS, USER_PLANS } from '../store/collections';
import { dropIfThere, LAYOUT_1 } from '../store/migrate-to-layout-2';
import { META_COLLECTION } from '../store/time-zone-guard';

/** Everything settlement derived from the topics, in any layout it may be in. */
export const DERIVED_COLLECTIONS = [
  USAGE_DAYS,
  USER_PLANS,
  META_COLLECTION,
  LAYOUT_1.usages,
  LAYOUT_1.subscriptions,
];

export class RebuildRefused extends Error {
  override name = 'RebuildRefused';
}

export interface RebuildResult {
  dropped: string[];
  /** Per topic, the partitions reset and the offset each restarts from. */
  reset: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
  /** Topics that do not exist yet (nothing to replay from them). */
  missingTopics: string[];
}

/**
 * Makes the next start of settlement rebuild its state from the Kafka topics: drops what it
 * derived from them and moves its consumer group back to the earliest offsets. Refuses while
 * the group has members (settlement is running), before touching anything. Safe to run
 * again if cut short.
 */
export async function rebuildSettlementState(deps: {
  db: Connection;
  admin: BusAdmin;
  groupId: string;
  topics: string[];
  logger: Logger;
}): Promise<RebuildResult> {
  await refuseIfRunning(deps.admin, deps.groupId);
  const dropped = await dropIfThere(deps.db, DERIVED_COLLECTIONS);
  deps.logger.info({ dropped }, 'settlement state dropped');

  const existing = new Set(await deps.admin.topics());
  const reset: RebuildResult['reset'] = [];
  for (const topic of deps.topics.filter((t) => existing.has(t))) {
    const ranges = await deps.admin.partitionRanges(topic);
    const partitions = ranges.map((r) => ({ partition: r.partition, offset: r.low }));
    await deps.admin.setCommittedOffsets(deps.groupId, topic, partitions);
    reset.push({ topic, partitions });
    deps.logger.info({ groupId: deps.groupId, topic, partitions }, 'consumer group reset');
  }
  return { dropped, reset, missingTopics: deps.topics.filter((t) => !existing.has(t)) };
}

async function refuseIfRunning(admin: BusAdmin, groupId: string): Promise<void> {
  const groups = await admin.describeGroups([groupId]);
  const members = groups.find((g) => g.groupId === groupId)?.members ?? [];
  if (members.length > 0)
    throw new RebuildRefused(
      `settlement is running: its consumer group ${groupId} has ${members.length} active ` +
        `member(s) (${members.map((m) => m.clientHost + ' ' + m.clientId).join(', ')}). ` +
        'Stop every settlement instance, then run the rebuild again.',
    );
}
