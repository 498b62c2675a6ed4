import { DomainError } from '@tally/errors';
import { usageTypeSchema, type UsageType } from '@tally/events';

export interface UsageInput {
  id: string;
  userId: string;
  type: UsageType;
  amount: number;
  /** An instant; the API's DateTime scalar has already parsed it. */
  occurredAt: Date;
}

export interface ValidUsage {
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
}

/** How far ahead of the server's clock an occurredAt may be (clock skew of the reporting side). */
export const MAX_FUTURE_MS = 5 * 60_000;
const MAX_ID_LENGTH = 200;

/** The largest amount one record may carry (security.md, "Limits"): a day of calls, a TB. */
export const MAX_AMOUNT: Record<UsageType, { max: number; unit: string }> = {
  DATA: { max: 1_000_000, unit: 'MB' },
  VOICE: { max: 86_400, unit: 's' },
  SMS: { max: 1_000, unit: 'messages' },
};

/** One usage item judged alone; BAD_USER_INPUT with the reason when it cannot be recorded. */
export function validateUsageInput(input: UsageInput, now: Date): ValidUsage {
  if (!input.id.trim() || input.id.length > MAX_ID_LENGTH) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `id must be 1-${MAX_ID_LENGTH} characters and not blank`,
    );
  }
  if (!input.userId.trim()) throw new DomainError('BAD_USER_INPUT', 'userId must not be empty');
  if (!usageTypeSchema.safeParse(input.type).success)
    throw new DomainError(
      'BAD_USER_INPUT',
      `type must be DATA, VOICE or SMS; got ${String(input.type)}`,
    );
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `amount must be a positive integer; got ${input.amount}`,
    );
  }
  const ceiling = MAX_AMOUNT[input.type];
  if (input.amount > ceiling.max) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `amount of one ${input.type} record may be at most ${ceiling.max.toLocaleString('en-US')} ${ceiling.unit}; got ${input.amount}`,
    );
  }
  const at = input.occurredAt.getTime();
  if (Number.isNaN(at))
    throw new DomainError('BAD_USER_INPUT', 'occurredAt is not a valid instant');
  if (at > now.getTime() + MAX_FUTURE_MS) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `occurredAt ${input.occurredAt.toISOString()} is more than 5 minutes in the future`,
    );
  }
  return { userId: input.userId, type: input.type, amount: input.amount, occurredAt: new Date(at) };
}

/** Same record content (recordedAt aside): a repeat of an id with this content is a duplicate, else a CONFLICT. */
export function sameUsageContent(a: ValidUsage, b: ValidUsage): boolean {
  return (
    a.userId === b.userId &&
    a.type === b.type &&
    a.amount === b.amount &&
    a.occurredAt.getTime() === b.occurredAt.getTime()
  );
}
