import { createEvent } from './create-event';
import { parseEvent } from './parse-event';
import { basicPlan, usageData } from '../test/fixtures';

const valid = () => JSON.parse(JSON.stringify(createEvent('UsageRecorded', 'user-1', usageData)));
const reasonOf = (input: unknown) => {
  const result = parseEvent(typeof input === 'string' ? input : JSON.stringify(input));
  if (result.ok) throw new Error('expected a rejection');
  return result.reason;
};

describe('parseEvent', () => {
  it('accepts offsets other than Z and ignores fields it does not know', () => {
    const event = { ...valid(), occurredAt: '2026-11-03T10:15:00+09:00', extra: 1 };
    const result = parseEvent(JSON.stringify(event));
    expect(result.ok && result.event.occurredAt).toBe('2026-11-03T10:15:00+09:00');
    expect(result.ok && 'extra' in result.event).toBe(false);
  });

  it.each([
    ['bad JSON', '{"type": "UsageRecorded",', /^not JSON/],
    ['an empty message', '', /^not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['JSON null', 'null', /not a JSON object/],
    ['an unknown type', { ...valid(), type: 'UsageDeleted' }, /unknown event type "UsageDeleted"/],
    ['a missing type', { ...valid(), type: undefined }, /unknown event type undefined/],
    ['a newer version', { ...valid(), version: 2 }, /unsupported version 2 of UsageRecorded/],
    ['a version as a string', { ...valid(), version: '1' }, /unsupported version "1"/],
    ['a missing field', { ...valid(), data: { ...usageData, userId: undefined } }, /data\.userId/],
    ['a non-integer amount', { ...valid(), data: { ...usageData, amount: 2.5 } }, /data\.amount/],
    ['a zero amount', { ...valid(), data: { ...usageData, amount: 0 } }, /data\.amount/],
    [
      'an amount as a string',
      { ...valid(), data: { ...usageData, amount: '600' } },
      /data\.amount/,
    ],
    ['an unknown usage type', { ...valid(), data: { ...usageData, type: 'MMS' } }, /data\.type/],
    [
      'a date without an offset',
      { ...valid(), data: { ...usageData, occurredAt: '2026-11-03T10:15:00' } },
      /data\.occurredAt/,
    ],
    [
      'an envelope id that is not a uuid',
      { ...valid(), id: 'e-1' },
      /^invalid UsageRecorded v1: id/,
    ],
    ['an empty subject', { ...valid(), subject: '' }, /subject/],
  ])('rejects %s with a reason', (_, input, reason) => {
    expect(reasonOf(input)).toMatch(reason);
  });

  it('rejects negative or fractional plan terms', () => {
    const event = createEvent('PlanCreated', 'BASIC-30', { plan: basicPlan });
    const bad = {
      ...event,
      data: {
        plan: {
          ...basicPlan,
          allowance: { ...basicPlan.allowance, dataMb: -1 },
          overageRate: { ...basicPlan.overageRate, perMb: 0.5 },
        },
      },
    };
    const reason = reasonOf(bad);
    expect(reason).toMatch(/data\.plan\.allowance\.dataMb/);
    expect(reason).toMatch(/data\.plan\.overageRate\.perMb/);
  });
});
