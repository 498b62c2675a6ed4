import { createEvent, toKafkaMessage } from '@tally/events';
import type { DeadLetter } from './dead-letters';
import { planReplay } from './replay';

const event = createEvent('UserSignedUp', 'user-1', {
  userId: 'user-1',
  name: 'Kim',
  phone: '+821012345678',
  email: null,
  createdAt: '2026-11-01T00:00:00.000Z',
});

const letter = (
  offset: string,
  value: string,
  at: string,
  topic = 'tally.user.events.v1',
): DeadLetter => ({
  partition: 0,
  offset,
  at: new Date(at),
  reason: 'r',
  original: { topic, partition: '1', offset: '7' },
  key: Buffer.from('user-1'),
  value: Buffer.from(value),
});

describe('planReplay', () => {
  const valid = toKafkaMessage(event).value;

  it('sends back valid events and says why it skips the rest', () => {
    const plan = planReplay([
      letter('0', valid, '2026-12-01T00:00:00Z'),
      letter('1', '{not json', '2026-12-01T00:00:00Z'),
      letter('2', valid, '2026-12-01T00:00:00Z', ''),
    ]);
    expect(plan.replay.map((l) => l.offset)).toEqual(['0']);
    expect(plan.skip).toEqual([
      {
        letter: expect.objectContaining({ offset: '1' }),
        why: expect.stringMatching(/can never be processed/),
      },
      { letter: expect.objectContaining({ offset: '2' }), why: 'no original-topic header' },
    ]);
  });

  it('keeps only what was set aside at or after --since', () => {
    const plan = planReplay(
      [letter('0', valid, '2026-11-30T23:59:59Z'), letter('1', valid, '2026-12-01T00:00:00Z')],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(plan.replay.map((l) => l.offset)).toEqual(['1']);
  });
});
