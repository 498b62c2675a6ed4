import { createEvent, type TallyEvent } from '@tally/events';
import { eventually, newTopic, silentLogger, testBus, uniqueName } from '@tally/testkit';
import type { MessageBus } from './bus';
import type { ReceivedMessage } from './messages';
import { PermanentError } from './permanent-error';

const usage = (usageId: string, amount = 1) =>
  createEvent('UsageRecorded', 'user-1', {
    usageId,
    userId: 'user-1',
    type: 'DATA',
    amount,
    occurredAt: '2026-11-03T01:00:00.000Z',
    recordedAt: '2026-11-03T01:00:01.000Z',
  });

/** Who reads a dead-letter topic from its start, counting what arrives. */
async function deadLetters(bus: MessageBus, topic: string) {
  const seen: ReceivedMessage[] = [];
  const following = await bus.follow(topic, (m) => void seen.push(m));
  return { seen, stop: () => following.stop() };
}

describe('the event consumer on a real broker', () => {
  const bus = testBus('event-consumer-test');
  const publisher = bus.publisher();
  beforeAll(() => publisher.connect());
  afterAll(() => publisher.disconnect());

  async function run(
    apply: (events: TallyEvent[]) => Promise<void>,
    send: Array<string | TallyEvent>,
  ) {
    const topic = await newTopic(bus, 'consumer-in');
    const dlq = await newTopic(bus, 'consumer-dlq');
    const letters = await deadLetters(bus, dlq);
    const consumer = bus.consume({
      groupId: uniqueName('consumer'),
      topics: [topic],
      deadLetterTopic: dlq,
      logger: silentLogger,
      apply,
    });
    await consumer.start();
    await publisher.publish(
      send.map((m) => ({
        topic,
        key: 'user-1',
        value: typeof m === 'string' ? m : JSON.stringify(m),
      })),
    );
    return { consumer, letters };
  }

  it('retries a database failure (a bulk write cut by a stepdown) until it succeeds; nothing is dead-lettered', async () => {
    const applied: string[] = [];
    let failures = 0;
    const { consumer, letters } = await run(
      async (events) => {
        if (failures < 3) {
          failures++;
          throw Object.assign(new Error('not primary'), {
            name: 'MongoBulkWriteError',
            code: 10107,
          });
        }
        applied.push(...events.map((e) => e.id));
      },
      [usage('u-1'), usage('u-2')],
    );
    try {
      await eventually('both events applied', async () => (applied.length >= 2 ? true : undefined));
      expect(failures).toBe(3);
      expect(consumer.applied()).toBe(2);
      await eventually('the consumer in its group', () => consumer.health().then(() => true));
      expect(letters.seen).toHaveLength(0);
    } finally {
      await consumer.stop();
      await letters.stop();
    }
  });

  it('sets aside only what can never be processed: not JSON, and an event the code marks permanent', async () => {
    const poison = usage('u-poison');
    const applied: string[] = [];
    const { consumer, letters } = await run(
      async (events) => {
        if (events.some((e) => e.id === poison.id)) throw new PermanentError('cannot apply');
        applied.push(...events.map((e) => e.id));
      },
      ['{not json', usage('u-ok-1'), poison, usage('u-ok-2')],
    );
    try {
      await eventually('two dead letters and two applied', async () =>
        letters.seen.length >= 2 && applied.length >= 2 ? true : undefined,
      );
      const reasons = letters.seen.map((m) => m.headers['dead-letter-reason']);
      expect(reasons).toEqual([expect.stringMatching(/JSON/i), 'cannot apply']);
      expect(applied).toHaveLength(2);
    } finally {
      await consumer.stop();
      await letters.stop();
    }
  });
});
