import { PublishRefused, type Publisher } from '@tally/messaging';
import { cutBatches, publishIsolating, takeBatch, type Publishable } from './outbox-publish';

const intent = (id: string, value = 'v', topic = 't'): Publishable => ({
  id,
  messages: [{ topic, key: id, value }],
});

/** A broker that refuses any request holding a message over `maxValue` characters. */
function brokerRefusingOver(maxValue: number, refusal: () => Error) {
  const requests: string[][] = [];
  const publisher: Publisher = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    publish: async (batch) => {
      requests.push(batch.map((m) => String(m.key)));
      if (batch.some((m) => String(m.value).length > maxValue)) throw refusal();
    },
  };
  return { publisher, requests };
}

const tooLarge = () => new PublishRefused('message too large');

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

describe('publishing with isolation', () => {
  it('sends everything in one request when the broker takes it', async () => {
    const { publisher, requests } = brokerRefusingOver(100, tooLarge);
    expect(
      await publishIsolating(
        publisher,
        ['a', 'b', 'c'].map((id) => intent(id)),
      ),
    ).toEqual([]);
    expect(requests).toEqual([['a', 'b', 'c']]);
  });

  it('halves a refused batch until the refused intent stands alone; the rest go out', async () => {
    const { publisher, requests } = brokerRefusingOver(100, tooLarge);
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => intent(id));
    items[3] = intent('d', 'x'.repeat(200));
    const refused = await publishIsolating(publisher, items);
    expect(refused.map((r) => r.item.id)).toEqual(['d']);
    const delivered = requests.filter((r) => !r.includes('d')).flat();
    expect(delivered.sort()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('throws a failure that may pass (a broker down) for the caller to retry the whole batch', async () => {
    const down = () => new Error('connection refused');
    const { publisher, requests } = brokerRefusingOver(0, down);
    await expect(publishIsolating(publisher, [intent('a'), intent('b')])).rejects.toThrow(
      'connection refused',
    );
    expect(requests).toHaveLength(1);
  });
});
