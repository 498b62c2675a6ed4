import { createEvent, type TallyEvent } from '@tally/events';
import pino from 'pino';
import { eventConsumer } from './event-consumer';
import type { Batch } from './kafka/consumer-group';
import type { OutgoingMessage, ReceivedMessage } from './messages';
import { PermanentError } from './permanent-error';

const usage = (usageId: string) =>
  createEvent('UsageRecorded', 'user-1', {
    usageId,
    userId: 'user-1',
    type: 'DATA',
    amount: 1,
    occurredAt: '2026-11-03T01:00:00.000Z',
    recordedAt: '2026-11-03T01:00:01.000Z',
  });

const usageIdOf = (e: TallyEvent) => (e.type === 'UsageRecorded' ? e.data.usageId : e.type);

const received = (value: string | TallyEvent, offset: number): ReceivedMessage => ({
  topic: 'usage',
  partition: 0,
  offset: String(offset),
  timestamp: '0',
  key: Buffer.from('user-1'),
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
});

/** An event consumer over a hand-fed group; what it dead-letters is kept in `letters`. */
function consumerOf(apply: (events: TallyEvent[]) => Promise<void>) {
  let handle: ((batch: Batch) => Promise<void>) | undefined;
  const letters: OutgoingMessage[] = [];
  const consumer = eventConsumer(
    (h) => {
      handle = h;
      return {
        connect: async () => undefined,
        start: async () => undefined,
        stop: async () => undefined,
        joined: () => true,
      };
    },
    {
      connect: async () => undefined,
      disconnect: async () => undefined,
      publish: async (batch) => void letters.push(...batch),
    },
    {
      groupId: 'g',
      topics: ['usage'],
      deadLetterTopic: 'dlq',
      apply,
      logger: pino({ level: 'silent' }),
    },
  );
  const heartbeat = jest.fn(async () => undefined);
  let running = true;
  return {
    consumer,
    letters,
    heartbeat,
    stopRunning: () => (running = false),
    deliver: (values: Array<string | TallyEvent>) =>
      handle!({
        topic: 'usage',
        partition: 0,
        messages: values.map(received),
        heartbeat,
        isRunning: () => running,
      }),
  };
}

const reasonsOf = (letters: OutgoingMessage[]) =>
  letters.map((l) => l.headers?.['dead-letter-reason']);

describe('the event consumer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sets aside what is not an event, with the reason and where it came from, and applies the rest', async () => {
    const applied: string[] = [];
    const c = consumerOf(async (events) => void applied.push(...events.map(usageIdOf)));
    await c.deliver(['{not json', usage('u-1')]);
    expect(applied).toEqual(['u-1']);
    expect(reasonsOf(c.letters)).toEqual([expect.stringMatching(/JSON/i)]);
    expect(c.letters[0]).toMatchObject({
      topic: 'dlq',
      headers: { 'original-topic': 'usage', 'original-partition': '0', 'original-offset': '0' },
    });
    expect(c.consumer.applied()).toBe(1);
  });

  it('retries an infrastructure failure with growing pauses, heartbeating, and never dead-letters it', async () => {
    let failures = 0;
    const c = consumerOf(async () => {
      if (failures++ < 3)
        throw Object.assign(new Error('not primary'), { name: 'MongoBulkWriteError' });
    });
    const done = c.deliver([usage('u-1')]);
    await jest.advanceTimersByTimeAsync(200 + 400 + 800);
    await done;
    expect(failures).toBe(4);
    expect(c.heartbeat).toHaveBeenCalledTimes(3);
    expect(c.letters).toEqual([]);
  });

  it('applies one by one after a permanent failure, so only the poison event is set aside', async () => {
    const poison = usage('u-poison');
    const applied: string[] = [];
    const c = consumerOf(async (events) => {
      if (events.some((e) => e.id === poison.id)) throw new PermanentError('cannot apply');
      applied.push(...events.map(usageIdOf));
    });
    await c.deliver([usage('u-1'), poison, usage('u-2')]);
    expect(applied).toEqual(['u-1', 'u-2']);
    expect(reasonsOf(c.letters)).toEqual(['cannot apply']);
    expect(c.letters[0]).toMatchObject({ headers: { 'original-offset': '1' } });
  });

  it('gives up retrying once it stops running, leaving the batch uncommitted', async () => {
    const down = new Error('database down');
    const c = consumerOf(() => Promise.reject(down));
    const done = c.deliver([usage('u-1')]).catch((err: unknown) => err);
    await jest.advanceTimersByTimeAsync(200);
    c.stopRunning();
    await jest.advanceTimersByTimeAsync(400);
    expect(await done).toBe(down);
    expect(c.letters).toEqual([]);
    expect(c.consumer.applied()).toBe(0);
  });

  it('leaves a failed heartbeat (a rebalance) to the client rather than retrying it', async () => {
    const rebalancing = new Error('rebalance in progress');
    const c = consumerOf(() => Promise.reject(new Error('timeout')));
    c.heartbeat.mockRejectedValue(rebalancing);
    const done = c.deliver([usage('u-1')]).catch((err: unknown) => err);
    await jest.advanceTimersByTimeAsync(200);
    expect(await done).toBe(rebalancing);
  });
});
