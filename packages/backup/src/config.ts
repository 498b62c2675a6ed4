import { DEFAULT_TOPICS } from '@tally/events';

/** Where the usage store, its backup and the Connect worker are. */
export interface BackupSettings {
  mongoUrl: string;
  /** The usage subgraph's database; its records live in `collection`. */
  usageDatabase: string;
  /** The database the sink connector writes, into a collection of the same name. */
  backupDatabase: string;
  collection: string;
  /** Billing periods are calendar months in this zone. */
  timeZone: string;
  connectUrl: string;
  connectorName: string;
  /** The topic the connector copies: where the usage subgraph publishes UsageRecorded. */
  usageTopic: string;
  /** Where the connector puts messages it cannot read (not JSON, no `data`). */
  deadLetterTopic: string;
}

export function backupSettings(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const read = (name: string, fallback: string) => env[name]?.trim() || fallback;
  return {
    mongoUrl: read('MONGO_URL', 'mongodb://127.0.0.1:27017'),
    usageDatabase: read('USAGE_DATABASE', 'tally_usage'),
    backupDatabase: read('BACKUP_DATABASE', 'usage_backup'),
    collection: 'usage_records',
    timeZone: read('BILLING_TIME_ZONE', 'Asia/Seoul'),
    connectUrl: read('CONNECT_URL', 'http://127.0.0.1:8083').replace(/\/+$/, ''),
    connectorName: read('BACKUP_CONNECTOR', 'usage-backup'),
    usageTopic: read('TOPIC_USAGE', DEFAULT_TOPICS.usage),
    deadLetterTopic: read('BACKUP_DEAD_LETTER_TOPIC', 'tally.usage-backup.dead-letter.v1'),
  };
}
