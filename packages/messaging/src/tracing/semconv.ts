/** OpenTelemetry's messaging semantic conventions (the attribute names used here). */
export const MESSAGING = {
  system: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  destination: 'messaging.destination.name',
  partition: 'messaging.destination.partition.id',
  group: 'messaging.consumer.group.name',
  offset: 'messaging.kafka.offset',
  messageId: 'messaging.message.id',
  batchCount: 'messaging.batch.message_count',
} as const;

export const TRACER_NAME = '@tally/messaging';
