import { createMessageBus, type MessageBus } from '@tally/messaging';
import { createLogger } from '@tally/service-kit';

/** A message bus on the test run's brokers (KAFKA_BROKERS, set by the global setup), silent. */
export function e2eBus(clientId = 'e2e'): MessageBus {
  return createMessageBus({
    clientId,
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logger: createLogger(clientId, 'silent'),
  });
}
