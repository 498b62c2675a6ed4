import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BASIC_30, billingApi, type UsageItem } from '../e2e/support/billing-api';
import { createTestStack } from '../e2e/support/test-stack';

/**
 * recordUsages through the gateway → Kafka → settled bills, on real processes. Results go to
 * bench/results/ingest-to-bill.json (and a line in history.jsonl); nothing here asserts on time.
 */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 50_000);
const USERS = Number(process.env.BENCH_USERS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const BATCH = 1000;

/** Peak resident memory of a process, from /proc (Linux). */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

describe('benchmark: usage ingest to settled bills', () => {
  const stack = createTestStack();
  afterAll(() => stack.stopAll());

  it(`${RECORDS} records for ${USERS} users`, async () => {
    const { gateway } = await stack.startAll();
    const api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    const users: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const id = await api.signUp(`Bench ${i}`, `010-8${String(i).padStart(3, '0')}-0000`);
      await api.subscribe(id, 'BASIC-30', '2026-09-01T00:00:00+09:00');
      users.push(id);
    }
    const items: UsageItem[] = Array.from({ length: RECORDS }, (_, i) => ({
      id: `${stack.tag}-b${i}`,
      userId: users[i % USERS]!,
      type: 'DATA',
      amount: 1,
      occurredAt: new Date(Date.UTC(2026, 9, 1 + (i % 28), 3, 0, 0, i % 1000)).toISOString(),
    }));
    const batches = Array.from({ length: RECORDS / BATCH }, (_, b) =>
      items.slice(b * BATCH, (b + 1) * BATCH),
    );

    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batches.length) {
          const r = await api.recordUsages(batches[next++]!);
          if (r.accepted !== BATCH)
            throw new Error(`batch not fully accepted: ${JSON.stringify(r)}`);
        }
      }),
    );
    const ingestMs = Date.now() - started;

    // Settled = every user's bill shaped by all its usage events and its subscription.
    const perUser = RECORDS / USERS;
    for (const u of users)
      await api.waitForBill(u, '2026-10', (b) => b.eventsApplied === perUser + 1, 600_000);
    const settledMs = Date.now() - started;

    const billsStarted = Date.now();
    for (const u of users) {
      const bill = await api.bill(u, '2026-10');
      if (bill.usage.dataMb !== perUser)
        throw new Error(`bill of ${u}: ${bill.usage.dataMb} MB, expected ${perUser}`);
    }
    const billReadMs = (Date.now() - billsStarted) / USERS;

    const result = {
      at: new Date().toISOString(),
      records: RECORDS,
      users: USERS,
      batch: BATCH,
      concurrency: CONCURRENCY,
      ingestSeconds: ingestMs / 1000,
      ingestRecordsPerSecond: Math.round(RECORDS / (ingestMs / 1000)),
      settledSeconds: settledMs / 1000,
      settledRecordsPerSecond: Math.round(RECORDS / (settledMs / 1000)),
      billReadMsEach: Math.round(billReadMs),
      peakRssMb: Object.fromEntries(
        (['gateway', 'user', 'usage', 'settlement', 'registry'] as const).map((n) => [
          n,
          peakRssMb(stack.instances(n)[0]?.proc.child.pid),
        ]),
      ),
      machine: `${cpus().length} cores, node ${process.version}`,
    };
    const dir = join(__dirname, 'results');
    writeFileSync(join(dir, 'ingest-to-bill.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(dir, 'history.jsonl'), `${JSON.stringify(result)}\n`, { flag: 'a' });
    console.log(`bench: ${JSON.stringify(result)}`);
    expect(result.records).toBe(RECORDS); // the run completed; the figures are the result
  });
});
