export { createMessageBus, type MessageBus } from './bus';
export type { BusSettings, SaslMechanism } from './settings';
export {
  PublishRefused,
  type Following,
  type OutgoingMessage,
  type Publisher,
  type ReceivedMessage,
} from './messages';
export type { ConsumeOptions, EventConsumer } from './event-consumer';
export { PermanentError, isRetriable, APPLY_BACKOFF } from './permanent-error';
export type { BusAdmin, ConsumerGroupDescription, PartitionOffset, PartitionRange } from './admin';
export { probeBroker } from './kafka/probe';
export { traceHeaders, withTraceContext } from './tracing/trace-context';
