import { randomUUID } from 'node:crypto';
import type { Plan, Subscription, User } from '../../src/domain/types';

// Random start: databases are per test, but a phone is unique within one and runs may share one.
let phoneSeq = 10_000_000 + Math.floor(Math.random() * 80_000_000);

/** A phone number no other call in this process gives out, in the national form ("010..."). */
export function nextPhone(): string {
  phoneSeq += 1;
  return `010${phoneSeq}`;
}

/** A user with a fresh id and a phone no other call gives out. */
export function aUser(patch: Partial<User> = {}): User {
  return {
    id: randomUUID(),
    name: 'Kim',
    phone: `+82${nextPhone().slice(1)}`,
    email: null,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    ...patch,
  };
}

export function aPlan(patch: Partial<Plan> = {}): Plan {
  return {
    id: `BASIC-${randomUUID().slice(0, 8)}`,
    name: 'Basic',
    monthlyFee: 30000,
    allowance: { dataMb: 1000, voiceSeconds: null, smsCount: 100 },
    overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
    createdAt: new Date('2026-10-01T00:00:00Z'),
    ...patch,
  };
}

export function aSubscription(patch: Partial<Subscription> = {}): Subscription {
  return {
    id: randomUUID(),
    userId: randomUUID(),
    planId: 'BASIC-30',
    effectiveAt: new Date('2026-11-01T00:00:00Z'),
    createdAt: new Date('2026-11-01T00:00:00Z'),
    ...patch,
  };
}
