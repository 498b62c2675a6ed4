import type { MessageBus } from '@tally/messaging';
import { silentLogger, testBus as busOf } from '@tally/testkit';

export { newTopic, openDb, testOutbox } from '@tally/testkit';
export const logger = silentLogger;
export const testBus = (): MessageBus => busOf('user-int-test');
