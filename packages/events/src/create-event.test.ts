import { createEvent, InvalidEventError } from './create-event';
import { parseEvent } from './parse-event';
import { basicPlan, usageData } from '../test/fixtures';

describe('createEvent', () => {
  it('wraps a payload in a versioned envelope with a fresh uuid', () => {
    const event = createEvent('UsageRecorded', 'user-1', usageData, {
      occurredAt: new Date('2026-11-03T01:15:02Z'),
    });
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'UsageRecorded',
      version: 1,
      occurredAt: '2026-11-03T01:15:02.000Z',
      subject: 'user-1',
      data: usageData,
    });
    expect(createEvent('UsageRecorded', 'user-1', usageData).id).not.toBe(event.id);
  });

  it.each([
    [
      'UserSignedUp',
      'user-1',
      {
        userId: 'user-1',
        name: 'Kim',
        phone: '+821012345678',
        email: null,
        createdAt: '2026-11-01T00:00:00.000Z',
      },
    ],
    ['PlanCreated', 'BASIC-30', { plan: basicPlan }],
    [
      'PlanSubscribed',
      'user-1',
      {
        subscriptionId: 's-1',
        userId: 'user-1',
        effectiveAt: '2026-11-16T09:00:00+09:00',
        plan: basicPlan,
      },
    ],
    ['UsageRecorded', 'user-1', usageData],
  ] as const)('round-trips %s through JSON', (type, subject, data) => {
    const event = createEvent(type, subject, data as never);
    expect(parseEvent(JSON.stringify(event))).toEqual({ ok: true, event });
    expect(parseEvent(Buffer.from(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('refuses to build an invalid event, naming the field', () => {
    expect(() => createEvent('UsageRecorded', 'user-1', { ...usageData, amount: 0 })).toThrow(
      InvalidEventError,
    );
    expect(() => createEvent('UsageRecorded', 'user-1', { ...usageData, amount: 1.5 })).toThrow(
      /data\.amount/,
    );
    expect(() =>
      createEvent('PlanCreated', 'BASIC-30', { plan: { ...basicPlan, monthlyFee: -1 } }),
    ).toThrow(/data\.plan\.monthlyFee/);
    expect(() => createEvent('UsageRecorded', '', usageData)).toThrow(/subject/);
  });

  it('marks its failures as not retriable', () => {
    expect(() =>
      createEvent('UsageRecorded', 'user-1', { ...usageData, occurredAt: 'yesterday' }),
    ).toThrow(expect.objectContaining({ retriable: false }));
  });
});
