import { join } from 'node:path';
import {
  applyUsageBackupConnector,
  backupSettings,
  connectClient,
  connectorHealth,
  openStores,
  verifyBackup,
  type BackupSettings,
  type Stores,
} from '@tally/backup';
import { freePort, startConnect, testLogFile, type ConnectWorker } from '@tally/infra';
import { waitUntil } from '@tally/retry';
import { billingApi, nextPhone, type UsageItem } from './support/billing-api';
import { createTestStack } from './support/test-stack';
import {
  backupDeadLetters,
  runBackupCli,
  sendRaw,
  topicEnd,
  waitForBackupCount,
} from './support/usage-backup';

const ROOT = join(__dirname, '..');

describe('usage backup through Kafka Connect', () => {
  const stack = createTestStack();
  let api: ReturnType<typeof billingApi>;
  let settings: BackupSettings;
  let stores: Stores;
  let worker: ConnectWorker;
  let connectPort: number;
  let users: string[];
  let total = 0;

  const startWorker = () =>
    startConnect({
      rootDir: ROOT,
      brokers: process.env.KAFKA_BROKERS!,
      port: connectPort,
      logFile: testLogFile(join(ROOT, '.logs'), 'connect'),
    });
  const usages = (label: string, month: 10 | 11, perUser: number): UsageItem[] =>
    users.flatMap((userId, u) =>
      Array.from({ length: perUser }, (_, i) => ({
        id: `${stack.tag}-${label}-${u}-${String(i).padStart(4, '0')}`,
        userId,
        type: (['DATA', 'VOICE', 'SMS'] as const)[i % 3]!,
        amount: 1 + (i % 7),
        occurredAt: new Date(Date.UTC(2026, month - 1, 1 + (i % 20), 3, i % 60, 7)).toISOString(),
      })),
    );
  const record = async (items: UsageItem[]) => {
    for (let i = 0; i < items.length; i += 1000) {
      const batch = items.slice(i, i + 1000);
      expect((await api.recordUsages(batch)).accepted).toBe(batch.length);
    }
    total += items.length;
  };

  beforeAll(async () => {
    connectPort = await freePort();
    const [started, { gateway }] = await Promise.all([startWorker(), stack.startAll()]);
    worker = started;
    settings = backupSettings({
      MONGO_URL: process.env.MONGO_URL,
      USAGE_DATABASE: `e2e_${stack.tag}_usage`,
      BACKUP_DATABASE: `e2e_${stack.tag}_backup`,
      TOPIC_USAGE: `e2e-${stack.tag}.usage.events.v1`,
      BACKUP_DEAD_LETTER_TOPIC: `e2e-${stack.tag}.usage-backup.dead-letter.v1`,
      CONNECT_URL: worker.url,
      BACKUP_CONNECTOR: `usage-backup-${stack.tag}`,
      BILLING_TIME_ZONE: 'Asia/Seoul',
    });
    // The usage subgraph created the topic at start, so the sink never auto-creates it.
    expect((await applyUsageBackupConnector(settings)).action).toBe('created');
    stores = await openStores(settings);
    api = billingApi(gateway.url);
    // Users without a plan: recording needs only known users, and the backup is not about
    // bills (a subscription from 2026-10 would be refused once that period has closed).
    users = await Promise.all([1, 2, 3].map((n) => api.signUp(`Backup ${n}`, nextPhone())));
  }, 300_000); // a first run fetches Connect's jars from Maven Central
  afterAll(async () => {
    await stores?.close();
    await stack.stopAll();
    await worker?.stop();
  });

  it('copies every recorded usage into the backup: exactly N equal copies', async () => {
    const items = usages('oct', 10, 100);
    await record(items);
    await waitForBackupCount(stores, total);

    const diff = await verifyBackup(stores, { period: null, timeZone: 'Asia/Seoul', list: 5 });
    expect(diff).toMatchObject({ storeCount: total, backupCount: total });
    expect(diff.missing.count + diff.extra.count + diff.differing.count).toBe(0);
    // Equal copies: the record's own fields, instants as dates, not the outbox intent's id.
    const id = items[42]!.id;
    const [inStore, inBackup] = await Promise.all([
      stores.store.findOne({ _id: id }, { projection: { outboxId: 0 } }),
      stores.backup.findOne({ _id: id }),
    ]);
    expect(inBackup).toEqual(inStore);
    expect(inBackup!.occurredAt).toBeInstanceOf(Date);
  });

  it('the Connect worker SIGKILLed and restarted mid-stream: still exactly N', async () => {
    const items = usages('nov', 11, 200);
    const first = items.slice(0, 100);
    await record(first);
    // Consumed, and most likely not committed yet: they come again after the restart, and overwrite.
    await waitForBackupCount(stores, total);
    await worker.kill();
    await record(items.slice(100)); // while no worker runs
    worker = await startWorker();
    // A standalone worker forgets its connectors: applying after every start brings it back.
    expect((await applyUsageBackupConnector(settings)).action).toBe('created');
    await waitForBackupCount(stores, total);

    const diff = await verifyBackup(stores, { period: null, timeZone: 'Asia/Seoul', list: 5 });
    expect(diff).toMatchObject({ storeCount: total, backupCount: total });
    expect(diff.missing.count + diff.extra.count + diff.differing.count).toBe(0);
  });

  it('part of the usage store lost: verify fails, restore puts it back without new events, verify passes', async () => {
    const october = { occurredAt: { $lt: new Date('2026-10-31T15:00:00Z') } };
    const lostIds = (await stores.store.find(october, { projection: { _id: 1 } }).toArray())
      .map((d) => d._id)
      .filter((_, i) => i % 4 === 0);
    await stores.store.deleteMany({ _id: { $in: lostIds } });

    const before = await runBackupCli('verify-cli', settings);
    expect(before.code).toBe(1);
    expect(before.output).toContain(`only in the backup (restorable): ${lostIds.length}`);
    expect(before.output).toContain(`DIFFERENT: 0 missing, ${lostIds.length} only in the backup`);
    // The period filter: November (Asia/Seoul) lost nothing.
    expect((await runBackupCli('verify-cli', settings, ['--period', '2026-11'])).code).toBe(0);
    expect((await runBackupCli('verify-cli', settings, ['--period', '2026-10'])).code).toBe(1);

    const eventsBefore = await topicEnd(settings.usageTopic);
    const restore = await runBackupCli('restore-cli', settings);
    expect(restore.code).toBe(0);
    expect(restore.output).toContain(`restored ${lostIds.length} records`);
    expect(restore.output).toMatch(/restoring: \d+\/\d+ \(100%/); // not a TTY: a line per 10%

    const after = await runBackupCli('verify-cli', settings);
    expect(after.output).toContain('OK: the backup holds exactly');
    expect(after.code).toBe(0);
    expect(await stores.store.countDocuments({})).toBe(total);
    const restored = await stores.store.findOne({ _id: lostIds[0]! });
    expect(restored).not.toHaveProperty('outboxId');
    expect((await runBackupCli('restore-cli', settings)).output).toContain('nothing to restore');

    // A marker recorded after the restore reaches the backup once the outbox has published it;
    // by then the restored records would have gone out too, had they been owed: only the
    // marker's event is new.
    await record(usages('marker', 11, 1).slice(0, 1));
    await waitForBackupCount(stores, total);
    expect(await topicEnd(settings.usageTopic)).toBe(eventsBefore + 1);
  });

  it('a message that is no usable event goes to the backup’s dead-letter topic; the backup goes on', async () => {
    const data = {
      userId: users[0]!,
      type: 'DATA',
      amount: 1,
      occurredAt: '2026-11-02T01:02:03.000Z',
      recordedAt: '2026-11-02T01:02:04.000Z',
    };
    const event = (payload: Record<string, unknown>) =>
      JSON.stringify({ type: 'UsageRecorded', version: 1, ...payload });
    const storable = (label: string) => ({ ...data, usageId: `${stack.tag}-${label}` });
    // Each would otherwise fail the sink's task, or be stored as a usage record (the last two).
    const poison = [
      { value: '{not json', stage: 'VALUE_CONVERTER' },
      { value: 'null', reason: /no value/ },
      { value: event({}), reason: /no `data`/ },
      { value: event({ data: 'not an object' }), reason: /`data` is not an object/ },
      { value: event({ data }), reason: /`data\.usageId`/ },
      {
        value: event({ data: { ...storable('no-recorded-at'), recordedAt: undefined } }),
        reason: /`data\.recordedAt`/,
      },
      { value: event({ type: 'UsageRefunded', data: storable('refund') }), reason: /`type`/ },
      { value: event({ version: 99, data: storable('v99') }), reason: /`version` is 99/ },
    ];
    for (const { value } of poison) await sendRaw(settings.usageTopic, users[0]!, value);
    // Recorded after them, on their partition (one key): stored only if the sink got past them.
    await record(usages('after-poison', 11, 1).slice(0, 1));
    await waitForBackupCount(stores, total);
    await waitUntil(async () => (await topicEnd(settings.deadLetterTopic)) >= poison.length, {
      deadlineMs: 30_000,
      intervalMs: 250,
    });
    const letters = await backupDeadLetters(settings.deadLetterTopic);
    expect(letters.map((l) => l.value)).toEqual(poison.map((p) => p.value));
    poison.forEach((p, i) => {
      if (p.stage) expect(letters[i]!.stage).toBe(p.stage);
      if (p.reason) expect(letters[i]).toMatchObject({ stage: 'TRANSFORMATION', reason: p.reason });
    });
    const status = await connectClient(worker.url).status(settings.connectorName);
    expect(connectorHealth(status!)).toEqual({ state: 'RUNNING', tasks: 1 });
  });
});
