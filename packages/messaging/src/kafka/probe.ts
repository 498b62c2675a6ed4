import { Kafka, logLevel } from 'kafkajs';

/**
 * Whether a broker serves: it answers metadata and a group coordinator is loaded. Describing
 * a group makes the broker create __consumer_offsets; a consumer started before that crashes
 * once with "The coordinator is loading" and restarts. One quick try, no retries, no logs.
 */
export async function probeBroker(brokers: string[]): Promise<void> {
  const kafka = new Kafka({
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    await admin.describeGroups(['tally-infra-readiness']);
  } finally {
    await admin.disconnect();
  }
}
