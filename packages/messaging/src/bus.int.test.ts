import { eventually, newTopic, testBus, uniqueName } from '@tally/testkit';
import type { ReceivedMessage } from './messages';

describe('the message bus on a real broker', () => {
  const bus = testBus('bus-test');
  const admin = bus.admin();
  const publisher = bus.publisher();
  beforeAll(() => publisher.connect());
  afterAll(async () => {
    await publisher.disconnect();
    await admin.close();
  });

  it('creates topics that keep their events for good, idempotently, and answers its health check', async () => {
    const topic = uniqueName('keep-forever');
    await bus.ensureTopics([topic], 2);
    await bus.ensureTopics([topic], 2);
    expect(await admin.partitionRanges(topic)).toHaveLength(2);
    expect(await admin.topicSetting(topic, 'retention.ms')).toBe('-1');
    expect(await admin.topics()).toContain(topic);
    await expect(bus.health()).resolves.toBeUndefined();
  });

  it('publishes a batch that a reader reads to its end, with keys, values and headers, one key on one partition', async () => {
    const topic = await newTopic(bus, 'bus-read', 3);
    await publisher.publish(
      ['a', 'b', 'c'].map((value, n) => ({
        topic,
        key: 'acct-1',
        value,
        headers: { 'event-id': `e-${n}` },
      })),
    );
    const read = await bus.readTopicToEnd(topic);
    expect(
      read.map((m) => [m.key?.toString(), m.value?.toString(), m.headers['event-id']]),
    ).toEqual([
      ['acct-1', 'a', 'e-0'],
      ['acct-1', 'b', 'e-1'],
      ['acct-1', 'c', 'e-2'],
    ]);
    expect(new Set(read.map((m) => m.partition)).size).toBe(1);
    expect(await bus.readTopicToEnd(await newTopic(bus, 'bus-empty'))).toEqual([]);
  });

  it('follows a topic from its start as messages arrive', async () => {
    const topic = await newTopic(bus, 'bus-follow');
    await publisher.publish([{ topic, key: 'k', value: 'before' }]);
    const seen: ReceivedMessage[] = [];
    const following = await bus.follow(topic, (m) => void seen.push(m));
    try {
      await publisher.publish([{ topic, key: 'k', value: 'after' }]);
      await eventually('both messages', async () => (seen.length >= 2 ? true : undefined));
      expect(seen.map((m) => m.value?.toString())).toEqual(['before', 'after']);
    } finally {
      await following.stop();
    }
  });

  it("shows a consumer group's members and assignment, and moves its committed offsets once it has none", async () => {
    const topic = await newTopic(bus, 'bus-group');
    const groupId = uniqueName('bus-group');
    await publisher.publish(
      ['1', '2'].map((n) => ({
        topic,
        key: 'k',
        value: JSON.stringify({ not: 'an event' }),
        headers: { n },
      })),
    );
    const deadLetter = await newTopic(bus, 'bus-group-dlq');
    const consumer = bus.consume({
      groupId,
      topics: [topic],
      deadLetterTopic: deadLetter,
      apply: async () => {},
    });
    await consumer.start();
    try {
      await eventually('both offsets committed', async () => {
        const [p] = await admin.committedOffsets(groupId, topic);
        return p?.offset === '2' ? true : undefined;
      });
      const [group] = await admin.describeGroups([groupId]);
      expect(group).toMatchObject({ groupId, state: 'Stable' });
      expect(group!.members.map((m) => m.topics)).toEqual([[topic]]);
      expect(await admin.groupIds()).toContain(groupId);
    } finally {
      await consumer.stop();
    }
    await admin.setCommittedOffsets(groupId, topic, [{ partition: 0, offset: '0' }]);
    expect(await admin.committedOffsets(groupId, topic)).toEqual([{ partition: 0, offset: '0' }]);
    expect((await bus.readTopicToEnd(deadLetter)).length).toBe(2);
  });
});
