import { createEvent } from '@tally/events';
import { eventually, newTopic, testBus, uniqueName } from '@tally/testkit';
import { deadLetterSource } from './dead-letters';
import { consumerGroups } from './kafka-source';
import { createSampler } from './sampler';

/** The console's Kafka figures on a real broker: lag, the charts' sampling, dead letters. */
describe("the Operations page's Kafka figures", () => {
  const bus = testBus('ops-figures');
  const admin = bus.admin();
  const publisher = bus.publisher();
  const prefix = uniqueName('ops');
  beforeAll(() => publisher.connect());
  afterAll(async () => {
    await publisher.disconnect();
    await admin.close();
  });

  const publish = (topic: string, n: number, partition?: number) =>
    publisher.publish(
      Array.from({ length: n }, (_, i) => ({ topic, key: `k-${partition ?? i}`, value: `m-${i}` })),
    );

  it("gives each group's lag per partition of the topics it committed on", async () => {
    const topic = await newTopic(bus, 'ops-lag', 2);
    const other = await newTopic(bus, 'ops-other', 1);
    await publish(topic, 10);
    const ranges = await admin.partitionRanges(topic);
    const group = `${prefix}.settlement.facts.v1`;
    // One partition caught up, the other 0 committed: its whole length behind.
    await admin.setCommittedOffsets(group, topic, [
      { partition: 0, offset: ranges.find((r) => r.partition === 0)!.high },
      { partition: 1, offset: '0' },
    ]);
    const [view] = await consumerGroups(admin, prefix, [topic, other]);
    const high1 = Number(ranges.find((r) => r.partition === 1)!.high);
    expect(view).toMatchObject({ groupId: group, members: 0, totalLag: high1 });
    expect(view!.partitions.map((p) => [p.topic, p.partition, p.lag])).toEqual([
      [topic, 0, 0],
      [topic, 1, high1],
    ]);
  });

  it('samples the usage topic as records per second and a group as messages behind', async () => {
    const usage = await newTopic(bus, 'ops-usage', 2);
    let now = Date.parse('2026-12-03T00:00:00Z');
    const sampler = createSampler({
      admin,
      usageTopic: usage,
      settlementGroup: uniqueName('ops-settlement'),
      settlementTopics: [usage],
      billReadBuckets: async () => new Map([[Infinity, 0]]),
      now: () => new Date(now),
    });
    await sampler.tick();
    await publish(usage, 20);
    now += 5000;
    await sampler.tick();
    const [first, second] = sampler.charts().samples;
    expect(first).toMatchObject({ ingestPerSecond: null, settlementLag: 0 });
    // 20 records in 5 s; the group committed nothing, so it is 20 behind.
    expect(second).toMatchObject({ ingestPerSecond: 4, settlementLag: 20, billReadP50Ms: null });
  });

  it('lists and shows dead letters, replays a valid event to its topic and skips the rest', async () => {
    const deadLetter = await newTopic(bus, 'ops-dead', 1);
    const original = await newTopic(bus, 'ops-original', 1);
    const event = createEvent('UsageRecorded', 'u-1', {
      usageId: uniqueName('usage'),
      userId: 'u-1',
      type: 'SMS',
      amount: 1,
      occurredAt: '2026-11-02T01:00:00.000Z',
      recordedAt: '2026-11-02T01:00:01.000Z',
    });
    const headers = (reason: string) => ({
      'dead-letter-reason': reason,
      'original-topic': original,
      'original-partition': '0',
      'original-offset': '7',
    });
    await publisher.publish([
      { topic: deadLetter, key: 'a', value: JSON.stringify(event), headers: headers('permanent') },
      { topic: deadLetter, key: 'b', value: 'garbage', headers: headers('not JSON') },
    ]);
    const letters = deadLetterSource(bus, deadLetter);
    const list = await letters.list();
    expect(list.total).toBe(2);
    expect(list.letters.map((l) => [l.id, l.key, l.eventType, l.reason])).toEqual(
      expect.arrayContaining([
        ['0:0', 'a', 'UsageRecorded', 'permanent'],
        ['0:1', 'b', null, 'not JSON'],
      ]),
    );
    expect((await letters.show('0:1'))?.value).toBe('garbage');
    expect(await letters.show('0:9')).toBeUndefined();

    const result = await letters.replay(['0:0', '0:1', '0:9']);
    expect(result.replayed).toEqual([{ id: '0:0', topic: original }]);
    expect(result.skipped.map((s) => s.id)).toEqual(['0:1', '0:9']);
    const back = await eventually('the replayed letter', async () => {
      const messages = await bus.readTopicToEnd(original);
      return messages.length > 0 ? messages : undefined;
    });
    expect(back.map((m) => [m.key?.toString(), m.value?.toString()])).toEqual([
      ['a', JSON.stringify(event)],
    ]);
    await letters.close();
  });
});
