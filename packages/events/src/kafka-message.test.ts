import { createEvent } from './create-event';
import { deadLetterMessage, toKafkaMessage } from './kafka-message';
import { parseEvent } from './parse-event';
import { basicPlan, usageData } from '../test/fixtures';

describe('Kafka messages', () => {
  it('keys an event by its subject and names it in headers', () => {
    const event = createEvent('UsageRecorded', 'user-1', usageData);
    const message = toKafkaMessage(event);
    expect(message).toEqual({
      key: 'user-1',
      value: expect.any(String),
      headers: { 'event-type': 'UsageRecorded', 'event-id': event.id },
    });
    expect(parseEvent(message.value)).toEqual({ ok: true, event });
  });

  it('keys PlanCreated by the plan id', () => {
    expect(toKafkaMessage(createEvent('PlanCreated', basicPlan.id, { plan: basicPlan })).key).toBe(
      'BASIC-30',
    );
  });

  it('dead-letters the original bytes with where they came from and why', () => {
    const value = Buffer.from('{oops');
    expect(
      deadLetterMessage(
        {
          topic: 'tally.usage.events.v1',
          partition: 3,
          offset: '42',
          key: Buffer.from('user-1'),
          value,
        },
        'not JSON',
      ),
    ).toEqual({
      key: Buffer.from('user-1'),
      value,
      headers: {
        'dead-letter-reason': 'not JSON',
        'original-topic': 'tally.usage.events.v1',
        'original-partition': '3',
        'original-offset': '42',
      },
    });
  });
});
