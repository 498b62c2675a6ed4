import { periodRange } from '@tally/billing-time';

export interface DemoPlan {
  id: string;
  name: string;
  monthlyFee: number;
  allowance: { dataMb: number | null; voiceSeconds: number | null; smsCount: number | null };
  overageRate: { perMb: number; perVoiceSecond: number; perSms: number };
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    id: 'LITE-15',
    name: 'Lite 15',
    monthlyFee: 15000,
    allowance: { dataMb: 300, voiceSeconds: 3000, smsCount: 50 },
    overageRate: { perMb: 30, perVoiceSecond: 3, perSms: 30 },
  },
  {
    id: 'BASIC-30',
    name: 'Basic 30',
    monthlyFee: 30000,
    allowance: { dataMb: 1000, voiceSeconds: 6000, smsCount: 100 },
    overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
  },
  {
    id: 'PREMIUM-60',
    name: 'Premium 60',
    monthlyFee: 60000,
    allowance: { dataMb: null, voiceSeconds: null, smsCount: null },
    overageRate: { perMb: 10, perVoiceSecond: 1, perSms: 10 },
  },
];

/** A small deterministic PRNG (mulberry32), so a run can be repeated exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoUser {
  index: number;
  name: string;
  phone: string;
  /** Plan ids with when each takes effect, oldest first. */
  plans: Array<{ planId: string; effectiveAt: string }>;
}

const FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'];
const GIVEN = ['Minjun', 'Seoyeon', 'Jiho', 'Hayoon', 'Doyun', 'Jiwoo', 'Eunwoo', 'Sua'];

/**
 * Users numbered from 0, on a plan from the start of the seeded month (it stays in force in
 * the months after); a third of them change plan in its middle. Not from long before: a
 * close issues an invoice for every period with a plan in force, from the earliest one on.
 */
export function demoUser(index: number, period: string, timeZone: string): DemoUser {
  const { from, to } = periodRange(period, timeZone);
  const first = DEMO_PLANS[index % DEMO_PLANS.length]!;
  const plans = [{ planId: first.id, effectiveAt: from.toISOString() }];
  if (index % 3 === 0) {
    const next = DEMO_PLANS[(index + 1) % DEMO_PLANS.length]!;
    plans.push({
      planId: next.id,
      effectiveAt: new Date(from.getTime() + (to.getTime() - from.getTime()) / 2).toISOString(),
    });
  }
  return {
    index,
    name: `${FAMILY[index % FAMILY.length]} ${GIVEN[Math.floor(index / FAMILY.length) % GIVEN.length]} ${index}`,
    phone: `010-9${String(Math.floor(index / 10000)).padStart(3, '0')}-${String(index % 10000).padStart(4, '0')}`,
    plans,
  };
}

/** The demo plan `user` has in force at `instant` (null before its first). */
export function planAt(user: DemoUser, instant: Date): DemoPlan | null {
  const current = user.plans.filter((p) => new Date(p.effectiveAt) <= instant).at(-1);
  return DEMO_PLANS.find((p) => p.id === current?.planId) ?? null;
}

export interface DemoUsage {
  id: string;
  userId: string;
  type: 'DATA' | 'VOICE' | 'SMS';
  amount: number;
  occurredAt: string;
}

/** The usage of one user over the period (never later than `now`), keyed so a rerun is a duplicate. */
export function demoUsages(
  user: DemoUser,
  userId: string,
  count: number,
  period: string,
  timeZone: string,
  now: Date,
): DemoUsage[] {
  const { from, to } = periodRange(period, timeZone);
  const end = Math.min(to.getTime(), now.getTime());
  const random = prng(user.index + 1);
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    const type = r < 0.5 ? 'DATA' : r < 0.85 ? 'VOICE' : 'SMS';
    const amount =
      type === 'DATA'
        ? 1 + Math.floor(random() * 20)
        : type === 'VOICE'
          ? 10 + Math.floor(random() * 300)
          : 1;
    const at = from.getTime() + Math.floor(random() * Math.max(1, end - from.getTime()));
    return {
      id: `seed-${period}-${user.index}-${i}`,
      userId,
      type,
      amount,
      occurredAt: new Date(at).toISOString(),
    };
  });
}
