import { silentLogger, testKafka as kafkaOf } from '@tally/testkit';
import type { Kafka } from 'kafkajs';

export { newTopic, openDb, testOutbox } from '@tally/testkit';
export const logger = silentLogger;
export const testKafka = (): Kafka => kafkaOf('user-int-test');
