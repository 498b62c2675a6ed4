import { z } from 'zod';
import { EVENT_VERSIONS, payloadSchemas, type EventData, type EventType } from './payloads';

/** The envelope around every payload; `subject` is also the Kafka key (see README). */
const envelopeFields = {
  id: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
};

function envelopeOf<T extends EventType>(type: T) {
  return z.object({
    ...envelopeFields,
    type: z.literal(type),
    version: z.literal(EVENT_VERSIONS[type]),
    data: payloadSchemas[type],
  });
}

export const eventSchemas = {
  UserSignedUp: envelopeOf('UserSignedUp'),
  PlanCreated: envelopeOf('PlanCreated'),
  PlanSubscribed: envelopeOf('PlanSubscribed'),
  UsageRecorded: envelopeOf('UsageRecorded'),
  PeriodClosed: envelopeOf('PeriodClosed'),
} as const;

export interface EventOf<T extends EventType> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  subject: string;
  data: EventData<T>;
}

/** Any Tally event; narrow it with `event.type`. */
export type TallyEvent = { [T in EventType]: EventOf<T> }[EventType];
