export { DEFAULT_TOPICS, topicOf, topicsSchema, type Topics } from './topics';
export {
  EVENT_TYPES,
  EVENT_VERSIONS,
  isEventType,
  payloadSchemas,
  planTermsSchema,
  periodSchema,
  usageTypeSchema,
  type EventData,
  type EventType,
  type PlanTerms,
  type UsageType,
} from './payloads';
export { eventSchemas, type EventOf, type TallyEvent } from './envelope';
export { createEvent, InvalidEventError } from './create-event';
export { parseEvent, type ParseResult } from './parse-event';
export {
  deadLetterMessage,
  toKafkaMessage,
  type ConsumedMessage,
  type DeadLetterMessage,
  type EventMessage,
} from './kafka-message';
