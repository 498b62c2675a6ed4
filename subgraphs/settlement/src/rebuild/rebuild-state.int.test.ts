import { BASIC } from '../../test/billing-fixtures';
import { planSubscribed, usageRecorded } from '../../test/support/events';
import { eventually, logger, openDb, openMessaging, publishEvents } from '../../test/support/infra';
import {
  createSettlementConsumer,
  factTopics,
  settlementGroupId,
} from '../events/settlement-consumer';
import type { BillStateStore } from '../domain/ports';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from '../use-cases/apply-events';
import { makeBillOf } from '../use-cases/bill-of';
import { rebuildSettlementState } from './rebuild-state';
import { settlementOf } from '../../test/support/settlement';

const SEOUL = 'Asia/Seoul';

describe('rebuilding settlement from the Kafka topics', () => {
  it('refuses while settlement runs; stopped, drops the state so the next start replays every event', async () => {
    const opened = await openDb('settlement-rebuild');
    const messaging = await openMessaging('settlement-rebuild');
    const groupId = settlementGroupId(messaging.groupPrefix);
    const admin = messaging.bus.admin();
    const start = async () => {
      const store = await openBillState(opened.db, { timeZone: SEOUL, logger });
      const consumer = createSettlementConsumer({
        bus: messaging.bus,
        groupPrefix: messaging.groupPrefix,
        topics: messaging.topics,
        applyFacts: makeApplyEvents(settlementOf(opened.db, store, { now: () => new Date() })),
        logger,
      });
      await consumer.start();
      return { store, consumer };
    };
    const settled = (store: BillStateStore) =>
      eventually('the bill of every event', async () => {
        const [b] = await makeBillOf(settlementOf(opened.db, store))([
          { userId: 'user-r', period: '2026-11' },
        ]);
        return b && !(b instanceof Error) && b.eventsApplied === 3 ? b : undefined;
      });
    const rebuild = () =>
      rebuildSettlementState({
        db: opened.db,
        admin,
        groupId,
        topics: factTopics(messaging.topics),
        logger,
      });
    try {
      await publishEvents(messaging.bus, messaging.topics.users, [
        planSubscribed({
          subscriptionId: 'rs',
          userId: 'user-r',
          effectiveAt: '2026-10-01T00:00:00+09:00',
          plan: BASIC,
        }),
      ]);
      await publishEvents(
        messaging.bus,
        messaging.topics.usage,
        [1, 2].map((n) =>
          usageRecorded({
            usageId: `ru-${n}`,
            userId: 'user-r',
            type: 'DATA',
            amount: 700,
            occurredAt: `2026-11-0${n}T10:00:00+09:00`,
          }),
        ),
      );

      const first = await start();
      const before = await settled(first.store);
      await expect(rebuild()).rejects.toThrow(
        /settlement is running: its consumer group .* has 1 active member/,
      );
      expect((await first.store.usageOn([{ userId: 'user-r', day: '2026-11-01' }])).length).toBe(1);
      await first.consumer.stop();

      const result = await rebuild();
      expect(result.dropped.sort()).toEqual(['settlement_meta', 'usage_days', 'user_plans']);
      expect(result.missingTopics).toEqual([]);
      const committed = await Promise.all(
        factTopics(messaging.topics).map((topic) => admin.committedOffsets(groupId, topic)),
      );
      expect(committed.flatMap((partitions) => partitions.map((p) => p.offset))).toEqual(
        result.reset.flatMap((t) => t.partitions.map((p) => p.offset)),
      );
      expect(
        result.reset.flatMap((t) => t.partitions.map((p) => p.offset)).every((o) => o === '0'),
      ).toBe(true);
      expect((await opened.db.listCollections()).map((c) => c.name)).toEqual(['tally_layout']);

      const second = await start();
      try {
        const after = await settled(second.store);
        expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
        expect(after.updatedAt! > before.updatedAt!).toBe(true);
      } finally {
        await second.consumer.stop();
      }
    } finally {
      await admin.close();
      await opened.close();
    }
  });
});
