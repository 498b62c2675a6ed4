import { createMessageBus } from '@tally/messaging';
import { connectMongo, createLogger } from '@tally/service-kit';
import { loadConfig } from './config';
import { factTopics, settlementGroupId } from './events/settlement-consumer';
import { USAGE, parseOptions } from './rebuild/options';
import { rebuildSettlementState } from './rebuild/rebuild-state';

async function main(): Promise<void> {
  if (parseOptions(process.argv.slice(2)).help) return void console.log(USAGE);
  const settings = await loadConfig();
  const logger = createLogger('settlement-rebuild', 'error');
  const db = await connectMongo(
    settings.mongo.url,
    settings.mongo.database,
    logger,
    settings.mongo,
  );
  const admin = createMessageBus({
    clientId: 'tally-settlement-rebuild',
    brokers: settings.kafka.brokers,
    ssl: settings.kafka.ssl,
    sasl: settings.kafka.sasl,
    logger,
  }).admin();
  try {
    const groupId = settlementGroupId(settings.kafka.groupPrefix);
    const result = await rebuildSettlementState({
      db,
      admin,
      groupId,
      topics: factTopics(settings.topics),
      logger,
    });
    console.log(
      `dropped ${result.dropped.join(', ') || 'nothing (no state stored)'} from ${settings.mongo.database}`,
    );
    for (const { topic, partitions } of result.reset)
      console.log(
        `reset ${groupId} on ${topic} to ${partitions.map((p) => `${p.partition}:${p.offset}`).join(' ')}`,
      );
    for (const topic of result.missingTopics) console.log(`topic ${topic} does not exist yet`);
    console.log(
      'done: the next start of settlement replays every event (billing time zone ' +
        `${settings.billing.timeZone})`,
    );
  } finally {
    await admin.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(`rebuild:settlement: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
