import { newTopic as topicOf, silentLogger, testKafka as kafkaOf } from '@tally/testkit';
import type { Kafka } from 'kafkajs';

export { openDb, testOutbox, type SentCommand } from '@tally/testkit';
export const logger = silentLogger;
export const TIME_ZONE = 'Asia/Seoul';
export const testKafka = (): Kafka => kafkaOf('usage-int-test');
/** Two partitions, as the usage topic has in the stack. */
export const newTopic = (kafka: Kafka, prefix: string) => topicOf(kafka, prefix, 2);
