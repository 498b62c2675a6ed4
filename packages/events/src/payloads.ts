import { z } from 'zod';

const id = z.string().min(1);
const count = z.number().int().nonnegative();
const instant = z.iso.datetime({ offset: true });

export const planTermsSchema = z.object({
  id,
  name: z.string().min(1),
  monthlyFee: count,
  /** null = unlimited */
  allowance: z.object({
    dataMb: count.nullable(),
    voiceSeconds: count.nullable(),
    smsCount: count.nullable(),
  }),
  overageRate: z.object({ perMb: count, perVoiceSecond: count, perSms: count }),
});

export const usageTypeSchema = z.enum(['DATA', 'VOICE', 'SMS']);

/** A billing period: "YYYY-MM" in the billing time zone. */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period YYYY-MM');

/** Each event type's payload, by its current version. */
export const payloadSchemas = {
  UserSignedUp: z.object({
    userId: id,
    name: z.string().min(1),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 phone number'),
    email: z.string().min(1).nullable(),
    createdAt: instant,
  }),
  PlanCreated: z.object({ plan: planTermsSchema }),
  PlanSubscribed: z.object({
    subscriptionId: id,
    userId: id,
    effectiveAt: instant,
    plan: planTermsSchema,
  }),
  UsageRecorded: z.object({
    usageId: id,
    userId: id,
    type: usageTypeSchema,
    amount: z.number().int().positive(),
    occurredAt: instant,
    recordedAt: instant,
  }),
  /** Settlement closed a period: its bills are invoiced and never change again. */
  PeriodClosed: z.object({
    period: periodSchema,
    /** Facts applied from this instant on are late for the period. */
    cutoff: instant,
    closedAt: instant,
    invoices: count,
  }),
} as const;

export type EventType = keyof typeof payloadSchemas;
export type EventData<T extends EventType> = z.infer<(typeof payloadSchemas)[T]>;
export type PlanTerms = z.infer<typeof planTermsSchema>;
export type UsageType = z.infer<typeof usageTypeSchema>;

export const EVENT_TYPES = Object.keys(payloadSchemas) as EventType[];

/** The version producers write and consumers accept, per type. */
export const EVENT_VERSIONS: Record<EventType, number> = {
  UserSignedUp: 1,
  PlanCreated: 1,
  PlanSubscribed: 1,
  UsageRecorded: 1,
  PeriodClosed: 1,
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(payloadSchemas, value);
}
