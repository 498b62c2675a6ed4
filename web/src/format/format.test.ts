import { localInputToIso, periodOf, previousPeriodOf, toLocalInput } from './dates';
import { formatWon } from './money';
import { formatAllowance, formatAmount } from './usage';

describe('formatting', () => {
  it('writes won without fractions', () => {
    expect(formatWon(34000)).toBe('₩34,000');
    expect(formatWon(0)).toBe('₩0');
  });

  it('writes amounts with their units, null allowance as unlimited', () => {
    expect(formatAmount('DATA', 1200)).toBe('1,200 MB');
    expect(formatAllowance('VOICE', null)).toBe('unlimited');
    expect(formatAllowance('SMS', 0)).toBe('0 SMS');
  });

  it('turns local input values into instants and back', () => {
    const date = new Date(2026, 9, 5, 10, 30);
    expect(periodOf(date)).toBe('2026-10');
    expect(previousPeriodOf(date)).toBe('2026-09');
    expect(previousPeriodOf(new Date(2027, 0, 31, 23, 59))).toBe('2026-12');
    expect(toLocalInput(date)).toBe('2026-10-05T10:30');
    expect(localInputToIso('2026-10-05T10:30')).toBe(date.toISOString());
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeNull();
  });
});
