import type { Kafka, ProducerBatch } from 'kafkajs';
import { PublishRefused } from '../messages';
import { groupByTopic, isRefusedForGood, kafkaPublisher } from './publisher';

/** A kafkajs client whose producer records each sendBatch and answers with `answer`. */
function fakeKafka(answer: () => Promise<unknown>) {
  const requests: ProducerBatch[] = [];
  const options: unknown[] = [];
  const kafka = {
    producer: (opts: unknown) => {
      options.push(opts);
      return {
        sendBatch: async (batch: ProducerBatch) => {
          requests.push(batch);
          return answer();
        },
      };
    },
  } as unknown as Kafka;
  return { kafka, requests, options };
}

const refusal = () =>
  Object.assign(new Error('message too large'), { name: 'KafkaJSProtocolError', retriable: false });

describe('publishing through kafkajs', () => {
  it('sends a batch in one request, grouped by topic, acknowledged by all replicas', async () => {
    const { kafka, requests, options } = fakeKafka(async () => []);
    await kafkaPublisher(kafka).publish([
      { topic: 'x', key: '1', value: 'a', headers: { 'event-type': 'T' } },
      { topic: 'y', key: '2', value: 'b' },
      { topic: 'x', key: '3', value: 'c' },
    ]);
    expect(requests).toEqual([
      {
        acks: -1,
        topicMessages: [
          {
            topic: 'x',
            messages: [
              { key: '1', value: 'a', headers: { 'event-type': 'T' } },
              { key: '3', value: 'c', headers: undefined },
            ],
          },
          { topic: 'y', messages: [{ key: '2', value: 'b', headers: undefined }] },
        ],
      },
    ]);
    expect(options).toEqual([expect.objectContaining({ allowAutoTopicCreation: false })]);
  });

  it('sends nothing for an empty batch', async () => {
    const { kafka, requests } = fakeKafka(async () => []);
    await kafkaPublisher(kafka).publish([]);
    expect(requests).toEqual([]);
  });

  it("turns the broker's refusal into PublishRefused, with its message; other failures pass as they are", async () => {
    const refused = kafkaPublisher(fakeKafka(() => Promise.reject(refusal())).kafka);
    const error = await refused.publish([{ topic: 't', key: 'k', value: 'v' }]).catch((e) => e);
    expect(error).toBeInstanceOf(PublishRefused);
    expect(error).toMatchObject({ message: 'message too large' });

    const down = Object.assign(new Error('connection refused'), { name: 'KafkaJSConnectionError' });
    const failing = kafkaPublisher(fakeKafka(() => Promise.reject(down)).kafka);
    await expect(failing.publish([{ topic: 't', key: 'k', value: 'v' }])).rejects.toBe(down);
  });
});

describe('grouping by topic', () => {
  it('keeps each topic’s messages in their order', () => {
    expect(
      groupByTopic([
        { topic: 'x', key: '1', value: 'a' },
        { topic: 'y', key: '2', value: 'b' },
        { topic: 'x', key: '3', value: 'c' },
      ]).map((t) => [t.topic, t.messages.map((m) => m.key)]),
    ).toEqual([
      ['x', ['1', '3']],
      ['y', ['2']],
    ]);
  });
});

describe('refused for good', () => {
  it('is a protocol error the broker marks not retriable, or kafkajs’s non-retriable wrapper', () => {
    expect(isRefusedForGood(refusal())).toBe(true);
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
