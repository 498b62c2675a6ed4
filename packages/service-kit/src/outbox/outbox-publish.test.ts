import type { Producer, ProducerBatch } from 'kafkajs';
import {
  cutBatches,
  groupByTopic,
  isRefusedForGood,
  publishIsolating,
  takeBatch,
  type Publishable,
} from './outbox-publish';

const intent = (id: string, value = 'v', topic = 't'): Publishable => ({
  id,
  messages: [{ topic, key: id, value }],
});

/** A broker that refuses any request holding a message over `maxValue` characters. */
function brokerRefusingOver(maxValue: number, refusal: () => Error) {
  const requests: string[][] = [];
  const producer = {
    sendBatch: async (batch: ProducerBatch) => {
      const values = (batch.topicMessages ?? []).flatMap((t) => t.messages);
      requests.push(values.map((m) => String(m.key)));
      if (values.some((m) => String(m.value).length > maxValue)) throw refusal();
      return [];
    },
  } as unknown as Producer;
  return { producer, requests };
}

const tooLarge = () =>
  Object.assign(new Error('message too large'), { name: 'KafkaJSProtocolError', retriable: false });

describe('cutting batches', () => {
  it('caps a batch by intents and by bytes, never splitting an intent', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => intent(id, 'x'.repeat(100)));
    expect(cutBatches(items, 2, 10_000).map((b) => b.map((i) => i.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect(cutBatches(items, 10, 400).map((b) => b.length)).toEqual([2, 2, 1]);
  });

  it('puts an intent larger than the byte cap in a batch of its own', () => {
    const items = [intent('big', 'x'.repeat(1000)), intent('a'), intent('b')];
    expect(cutBatches(items, 10, 500).map((b) => b.map((i) => i.id))).toEqual([
      ['big'],
      ['a', 'b'],
    ]);
  });

  it('takes from the front of the queue and leaves the rest', () => {
    const queue = ['a', 'b', 'c'].map((id) => intent(id));
    expect(takeBatch(queue, 2, 10_000).map((i) => i.id)).toEqual(['a', 'b']);
    expect(queue.map((i) => i.id)).toEqual(['c']);
  });
});

describe('grouping by topic', () => {
  it('keeps each topic’s messages in their order', () => {
    const grouped = groupByTopic([
      { topic: 'x', key: '1', value: 'a' },
      { topic: 'y', key: '2', value: 'b' },
      { topic: 'x', key: '3', value: 'c' },
    ]);
    expect(grouped).toEqual([
      {
        topic: 'x',
        messages: [expect.objectContaining({ key: '1' }), expect.objectContaining({ key: '3' })],
      },
      { topic: 'y', messages: [expect.objectContaining({ key: '2' })] },
    ]);
  });
});

describe('publishing with isolation', () => {
  it('sends everything in one request when the broker takes it', async () => {
    const { producer, requests } = brokerRefusingOver(100, tooLarge);
    expect(
      await publishIsolating(
        producer,
        ['a', 'b', 'c'].map((id) => intent(id)),
      ),
    ).toEqual([]);
    expect(requests).toEqual([['a', 'b', 'c']]);
  });

  it('halves a refused batch until the refused intent stands alone; the rest go out', async () => {
    const { producer, requests } = brokerRefusingOver(100, tooLarge);
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => intent(id));
    items[3] = intent('d', 'x'.repeat(200));
    const refused = await publishIsolating(producer, items);
    expect(refused.map((r) => r.item.id)).toEqual(['d']);
    const delivered = requests.filter((r) => !r.includes('d')).flat();
    expect(delivered.sort()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('throws a failure that may pass (a broker down) for the caller to retry the whole batch', async () => {
    const down = () =>
      Object.assign(new Error('connection refused'), { name: 'KafkaJSConnectionError' });
    const { producer, requests } = brokerRefusingOver(0, down);
    await expect(publishIsolating(producer, [intent('a'), intent('b')])).rejects.toThrow(
      'connection refused',
    );
    expect(requests).toHaveLength(1);
  });
});

describe('refused for good', () => {
  it('is a protocol error the broker marks not retriable, or kafkajs’s non-retriable wrapper', () => {
    expect(isRefusedForGood(tooLarge())).toBe(true);
    expect(isRefusedForGood(Object.assign(new Error(), { name: 'KafkaJSNonRetriableError' }))).toBe(
      true,
    );
  });

  it('is not a failure that ran out of retries, nor a retriable protocol error', () => {
    const exhausted = Object.assign(new Error(), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      retriable: false,
    });
    const leaderMoved = Object.assign(new Error(), {
      name: 'KafkaJSProtocolError',
      retriable: true,
    });
    expect(isRefusedForGood(exhausted)).toBe(false);
    expect(isRefusedForGood(leaderMoved)).toBe(false);
    expect(isRefusedForGood('boom')).toBe(false);
  });
});
