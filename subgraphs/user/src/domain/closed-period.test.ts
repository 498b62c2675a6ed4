import { scheduledCloseOf } from '@tally/billing-time';
import {
  closedPeriodConflict,
  isClosedBySchedule,
  periodsToAsk,
  type ClosingSchedule,
} from './closed-period';

const SEOUL: ClosingSchedule = { timeZone: 'Asia/Seoul', graceDays: 3, autoClose: true };
/** billing.autoClose false: periods close only by closePeriod, so only by PeriodClosed here. */
const ON_REQUEST: ClosingSchedule = { ...SEOUL, autoClose: false };
const at = (iso: string) => new Date(iso);
const known = (now: Date, ...byEvent: string[]) => ({ now, byEvent: new Set(byEvent) });
/** 2026-10's scheduled close: 2026-11-04T00:00+09:00 (billing-rules.md). */
const CLOSE_OF_OCTOBER = scheduledCloseOf('2026-10', 3, 'Asia/Seoul');
const IN_OCTOBER = at('2026-10-20T00:00:00+09:00');

describe('closedPeriodConflict', () => {
  it('leaves a period open until one millisecond before its scheduled close', () => {
    expect(CLOSE_OF_OCTOBER.toISOString()).toBe('2026-11-03T15:00:00.000Z');
    const justBefore = new Date(CLOSE_OF_OCTOBER.getTime() - 1);
    expect(closedPeriodConflict(IN_OCTOBER, known(justBefore), SEOUL)).toBeNull();
  });

  it('refuses it with CONFLICT from its scheduled close on, naming the next period', () => {
    expect(closedPeriodConflict(IN_OCTOBER, known(CLOSE_OF_OCTOBER), SEOUL)).toMatchObject({
      code: 'CONFLICT',
      message: 'period 2026-10 is closed: a subscription can take effect from 2026-11 on',
    });
  });

  it('refuses a period settlement closed before its schedule (PeriodClosed)', () => {
    const inGraceDays = at('2026-11-02T12:00:00+09:00');
    expect(closedPeriodConflict(IN_OCTOBER, known(inGraceDays), SEOUL)).toBeNull();
    expect(closedPeriodConflict(IN_OCTOBER, known(inGraceDays, '2026-10'), SEOUL)).toMatchObject({
      code: 'CONFLICT',
      message: 'period 2026-10 is closed: a subscription can take effect from 2026-11 on',
    });
  });

  it('accepts an open period: this month, the next, or last month in its grace days', () => {
    const now = at('2026-12-02T12:00:00+09:00');
    for (const effectiveAt of [
      '2026-11-30T23:59:59.999+09:00',
      '2026-12-02T12:00:00+09:00',
      '2027-01-01T00:00:00+09:00',
    ])
      expect(closedPeriodConflict(at(effectiveAt), known(now, '2026-10'), SEOUL)).toBeNull();
  });

  it('takes the period in the billing time zone: 2026-10-31T15:00Z is 2026-11 in Seoul', () => {
    const now = CLOSE_OF_OCTOBER;
    expect(closedPeriodConflict(at('2026-10-31T15:00:00Z'), known(now), SEOUL)).toBeNull();
    expect(closedPeriodConflict(at('2026-10-31T14:59:59.999Z'), known(now), SEOUL)).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('names the first open period, past any closed since, by schedule or by event', () => {
    const now = at('2026-12-02T12:00:00+09:00'); // 2026-11 is in its grace days
    const longAgo = at('2026-01-15T00:00:00+09:00');
    expect(closedPeriodConflict(longAgo, known(now), SEOUL)?.message).toBe(
      'period 2026-01 is closed: a subscription can take effect from 2026-11 on',
    );
    expect(closedPeriodConflict(longAgo, known(now, '2026-11'), SEOUL)?.message).toBe(
      'period 2026-01 is closed: a subscription can take effect from 2026-12 on',
    );
  });

  it('follows billing.graceDays: with 0 a period closes when it ends', () => {
    const none = { ...SEOUL, graceDays: 0 };
    const endOfOctober = at('2026-11-01T00:00:00+09:00');
    expect(isClosedBySchedule('2026-10', new Date(endOfOctober.getTime() - 1), none)).toBe(false);
    expect(closedPeriodConflict(IN_OCTOBER, known(endOfOctober), none)?.code).toBe('CONFLICT');
  });
});

describe('closedPeriodConflict when periods close only by closePeriod (autoClose false)', () => {
  const now = at('2026-12-02T12:00:00+09:00');

  it('leaves a period past its schedule open until a PeriodClosed says otherwise', () => {
    expect(closedPeriodConflict(IN_OCTOBER, known(now), ON_REQUEST)).toBeNull();
    expect(closedPeriodConflict(IN_OCTOBER, known(now, '2026-10'), ON_REQUEST)).toMatchObject({
      code: 'CONFLICT',
      message: 'period 2026-10 is closed: a subscription can take effect from 2026-11 on',
    });
    expect(
      closedPeriodConflict(IN_OCTOBER, known(now, '2026-09', '2026-10', '2026-11'), ON_REQUEST)
        ?.message,
    ).toBe('period 2026-10 is closed: a subscription can take effect from 2026-12 on');
  });

  it('names only the closed period when the first open one is beyond the year it asks about', () => {
    const longAgo = at('2024-01-15T00:00:00+09:00');
    const asked = periodsToAsk(longAgo, now, ON_REQUEST);
    expect(asked).toHaveLength(12);
    expect([asked[0], asked[11]]).toEqual(['2024-01', '2024-12']);
    expect(closedPeriodConflict(longAgo, known(now, ...asked), ON_REQUEST)?.message).toBe(
      'period 2024-01 is closed',
    );
  });
});

describe('periodsToAsk', () => {
  const now = at('2026-12-02T12:00:00+09:00');

  it('asks about the period alone when it is now’s or later', () => {
    expect(periodsToAsk(now, now, SEOUL)).toEqual(['2026-12']);
    expect(periodsToAsk(at('2027-03-01T00:00:00+09:00'), now, SEOUL)).toEqual(['2027-03']);
  });

  it('asks from the period, or the first the schedule leaves open, up to now’s', () => {
    expect(periodsToAsk(at('2026-11-20T00:00:00+09:00'), now, SEOUL)).toEqual([
      '2026-11',
      '2026-12',
    ]);
    expect(periodsToAsk(IN_OCTOBER, now, SEOUL)).toEqual(['2026-11', '2026-12']);
    const afterGrace = at('2026-12-04T00:00:00+09:00');
    expect(periodsToAsk(IN_OCTOBER, afterGrace, SEOUL)).toEqual(['2026-12']);
  });

  it('asks from the period on when periods close only by closePeriod', () => {
    expect(periodsToAsk(IN_OCTOBER, now, ON_REQUEST)).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('asks about the periods a refusal may pass over as closed by event', () => {
    const asked = periodsToAsk(IN_OCTOBER, now, SEOUL);
    const conflict = closedPeriodConflict(IN_OCTOBER, known(now, ...asked.slice(0, 1)), SEOUL);
    expect(conflict?.message).toBe(
      'period 2026-10 is closed: a subscription can take effect from 2026-12 on',
    );
  });
});
