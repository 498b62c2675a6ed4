import type { UsageType } from '../generated/operations';

export const USAGE_TYPES: readonly UsageType[] = ['DATA', 'VOICE', 'SMS'];

const UNITS: Record<UsageType, string> = { DATA: 'MB', VOICE: 's', SMS: 'SMS' };
const NUMBER = new Intl.NumberFormat('en-US');

/** An amount with its unit: 600 MB, 100 s, 5 SMS. */
export const formatAmount = (type: UsageType, amount: number): string =>
  `${NUMBER.format(amount)} ${UNITS[type]}`;

/** An allowance, where null means unlimited. */
export const formatAllowance = (type: UsageType, amount: number | null | undefined): string =>
  amount === null || amount === undefined ? 'unlimited' : formatAmount(type, amount);

export const usageTypeLabel = (type: UsageType): string =>
  ({ DATA: 'Data (MB)', VOICE: 'Voice (seconds)', SMS: 'SMS (messages)' })[type];
