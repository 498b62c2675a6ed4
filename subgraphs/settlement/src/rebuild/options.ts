export const USAGE = `Usage: npm run rebuild:settlement [-- --help]

Rebuilds settlement's running bills from the Kafka topics, e.g. after changing
billing.timeZone (settlement refuses to start until then) or to recover a lost database.

With every settlement instance stopped, it drops settlement's state collections
(usage_days, user_plans, settlement_meta, and the layout-1 usage_facts and
subscription_facts) and resets settlement's consumer group
(<kafka.groupPrefix>.settlement.facts.v1) to the earliest offsets of the users and usage
topics. The next start of settlement replays every event; bills fill in as it catches up.
It refuses, changing nothing, while the consumer group has active members.

The topics must still hold every event (retention): what Kafka has deleted cannot be replayed.

Settings are settlement's own (subgraphs/settlement/config, the config service when
CONFIG_SERVICE_URL is set, then environment variables): MONGO_URL, MONGO_DATABASE,
KAFKA_BROKERS, KAFKA_GROUP_PREFIX, TOPIC_USERS, TOPIC_USAGE.`;

export class OptionsError extends Error {}

export function parseOptions(argv: string[]): { help: boolean } {
  let help = false;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') help = true;
    else throw new OptionsError(`unknown option ${arg}\n\n${USAGE}`);
  }
  return { help };
}
