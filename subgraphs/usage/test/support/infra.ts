import type { MessageBus } from '@tally/messaging';
import { newTopic as topicOf, silentLogger, testBus as busOf } from '@tally/testkit';

export { openDb, testOutbox, type SentCommand } from '@tally/testkit';
export const logger = silentLogger;
export const TIME_ZONE = 'Asia/Seoul';
export const testBus = (): MessageBus => busOf('usage-int-test');
/** Two partitions, as the usage topic has in the stack. */
export const newTopic = (bus: MessageBus, prefix: string) => topicOf(bus, prefix, 2);
