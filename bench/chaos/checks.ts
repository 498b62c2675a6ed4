import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import type { UsageItem } from '../../e2e/support/billing-api';
import { graphql, type Endpoint } from '../scale/graphql';
import { settlementProgress } from '../scale/settlement-progress';
import { countUsageTopic, groupLag, readLetters, type Placed } from './topics';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const execFileAsync = promisify(execFile);

/** Polls `probe` until it returns true or `deadlineMs` passes; false then. */
async function until(
  probe: () => Promise<boolean>,
  deadlineMs: number,
  everyMs = 1000,
): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await probe().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export interface Reference {
  records: number;
  dataMb: number;
  voiceSeconds: number;
  smsCount: number;
}

/** Per user: what the accepted records add up to. */
export function referenceBills(
  accepted: Iterable<UsageItem>,
  userIds: string[],
): Map<string, Reference> {
  const ref = new Map<string, Reference>(
    userIds.map((id) => [id, { records: 0, dataMb: 0, voiceSeconds: 0, smsCount: 0 }]),
  );
  for (const item of accepted) {
    const r = ref.get(item.userId);
    if (!r) continue;
    r.records += 1;
    if (item.type === 'DATA') r.dataMb += item.amount;
    else if (item.type === 'VOICE') r.voiceSeconds += item.amount;
    else r.smsCount += item.amount;
  }
  return ref;
}

/**
 * Until nothing is in flight: the usage outbox empty (its /health/live), then settlement's
 * consumer group has committed every message on the usage topic.
 */
export async function waitSettled(opts: {
  usageLiveUrl: string;
  brokers: string;
  usageTopic: string;
  stallMs: number;
}): Promise<{ outboxDrainedS: number; appliedS: number; published: number }> {
  const started = Date.now();
  const drained = await until(async () => {
    const res = await fetch(opts.usageLiveUrl, { signal: AbortSignal.timeout(5000) });
    const live = (await res.json()) as { outbox?: { pending?: number } };
    return live.outbox?.pending === 0;
  }, opts.stallMs);
  if (!drained)
    throw new Error(`the usage outbox still had pending intents after ${opts.stallMs / 1000} s`);
  const outboxDrainedS = (Date.now() - started) / 1000;
  const progress = settlementProgress(opts.brokers, opts.usageTopic);
  try {
    const { published } = await progress.progress();
    await progress.waitApplied(published, opts.stallMs);
    return { outboxDrainedS, appliedS: (Date.now() - started) / 1000, published };
  } finally {
    await progress.stop().catch(() => {});
  }
}

export interface BillCheck {
  users: number;
  matching: number;
  /** Accepted records missing from the bills (summed over users whose bill counts fewer). */
  lostRecords: number;
  /** Records a bill counts beyond what was accepted. */
  extraRecords: number;
  /** Bills whose totals differ although the count matches (a record counted with other content). */
  wrongTotals: number;
  mismatches: string[];
}

const BILL_FIELDS = 'eventsApplied usage { dataMb voiceSeconds smsCount }';

/**
 * Every user's bill, straight from settlement in batches of 100, against the reference: the
 * usage totals and eventsApplied (the distinct usage ids + the one subscription in force).
 * Retries for `graceMs` while any differs (settlement may still be storing the last batch).
 */
export async function checkBills(opts: {
  settlementApi: Endpoint;
  period: string;
  reference: Map<string, Reference>;
  graceMs: number;
}): Promise<BillCheck> {
  const users = [...opts.reference.keys()];
  let result: BillCheck | undefined;
  const deadline = Date.now() + opts.graceMs;
  for (;;) {
    result = {
      users: users.length,
      matching: 0,
      lostRecords: 0,
      extraRecords: 0,
      wrongTotals: 0,
      mismatches: [],
    };
    for (let from = 0; from < users.length; from += 100) {
      const ids = users.slice(from, from + 100);
      const query = `query ChaosBills { ${ids
        .map(
          (id, i) =>
            `u${i}: bill(userId: ${JSON.stringify(id)}, period: ${JSON.stringify(opts.period)}) { ${BILL_FIELDS} }`,
        )
        .join(' ')} }`;
      type Bill = { eventsApplied: number; usage: Omit<Reference, 'records'> };
      const data = await graphql<Record<string, Bill>, Record<string, never>>(
        opts.settlementApi,
        query,
        {},
      );
      ids.forEach((id, i) => {
        const got = data[`u${i}`]!;
        const want = opts.reference.get(id)!;
        const records = got.eventsApplied - 1;
        const same =
          records === want.records &&
          got.usage.dataMb === want.dataMb &&
          got.usage.voiceSeconds === want.voiceSeconds &&
          got.usage.smsCount === want.smsCount;
        if (same) return void (result!.matching += 1);
        if (records < want.records) result!.lostRecords += want.records - records;
        else if (records > want.records) result!.extraRecords += records - want.records;
        else result!.wrongTotals += 1;
        if (result!.mismatches.length < 10)
          result!.mismatches.push(
            `${id}: bill ${JSON.stringify({ records, ...got.usage })}, accepted ${JSON.stringify(want)}`,
          );
      });
    }
    if (result.matching === result.users || Date.now() > deadline) return result;
    await sleep(2000);
  }
}

export interface TopicCheck {
  messages: number;
  usageIds: number;
  /** Accepted records with no event on the topic. */
  missing: number;
  /** Usage ids on the topic the API never accepted. */
  notAccepted: number;
  /** Usage ids published more than once, with the same event id (an outbox retry). */
  republished: number;
  /** Usage ids carried by different events (two intents for one record). */
  twoEvents: number;
  /** The same, by the window their first event was published in. */
  twoEventsIn: Record<string, number>;
  /** Messages that are no UsageRecorded (the poison). */
  otherMessages: number;
  /**
   * Ids published again, by the window their last copy was published in: a fault's name
   * (from its injection to the next one), or "no fault" (warm-up, after the last fault).
   */
  republishedIn: Record<string, number>;
  examples: string[];
}

/** A fault's window on the wall clock (ms since the epoch), for attributing what the topic holds. */
export interface WallWindow {
  name: string;
  from: number;
  to: number;
}

/** Every UsageRecorded on the topic, counted per usage id, against the accepted ids. */
export async function checkTopic(
  brokers: string,
  topic: string,
  accepted: ReadonlyMap<string, UsageItem>,
  windows: WallWindow[],
): Promise<TopicCheck> {
  const counted = await countUsageTopic(brokers, topic);
  const examples: string[] = [];
  const check: TopicCheck = {
    messages: counted.messages,
    usageIds: counted.byUsageId.size,
    missing: 0,
    notAccepted: 0,
    republished: 0,
    twoEvents: 0,
    otherMessages: counted.other.length,
    republishedIn: {},
    twoEventsIn: {},
    examples,
  };
  const windowOf = (at: number) =>
    windows.find((w) => at >= w.from && at < w.to)?.name ?? 'no fault';
  for (const id of accepted.keys())
    if (!counted.byUsageId.has(id)) {
      check.missing += 1;
      if (examples.length < 10) examples.push(`accepted ${id} is not on the topic`);
    }
  const iso = (ms: number) => new Date(ms).toISOString();
  for (const [id, copies] of counted.byUsageId) {
    if (!accepted.has(id)) {
      check.notAccepted += 1;
      if (examples.length < 10) examples.push(`${id} on the topic was never accepted`);
    }
    const events = new Set(copies.map((c) => c.eventId));
    const times = copies.map((c) => c.at);
    if (events.size > 1) {
      check.twoEvents += 1;
      const where = windowOf(Math.min(...times));
      check.twoEventsIn[where] = (check.twoEventsIn[where] ?? 0) + 1;
      if (examples.length < 10)
        examples.push(
          `${id}: ${copies.length} events, ${events.size} event ids: ${copies
            .map(
              (c) =>
                `${c.eventId} (recordedAt ${c.recordedAt}, published ${iso(c.at)} at ${c.partition}:${c.offset})`,
            )
            .join('; ')}`,
        );
    } else if (copies.length > 1) {
      check.republished += 1;
      const where = windowOf(Math.max(...times));
      check.republishedIn[where] = (check.republishedIn[where] ?? 0) + 1;
    }
  }
  return check;
}

/** The usage store's record count (mongo-java-server counts a collection without a scan). */
export async function storeCount(mongoUrl: string): Promise<number> {
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    return await client.db('tally_usage').collection('usage_records').countDocuments({});
  } finally {
    await client.close();
  }
}

export interface BackupCheck {
  /** Connect's sink group caught up with the usage topic (seconds waited), or not. */
  caughtUpS: number | null;
  exitCode: number;
  exact: boolean;
  output: string;
}

/**
 * `npm run backup:verify` (its built CLI, the stack's MONGO_URL) once the sink has committed
 * the whole usage topic; again every 5 s for `graceMs` while it reports a difference.
 */
export async function checkBackup(opts: {
  root: string;
  env: NodeJS.ProcessEnv;
  brokers: string;
  usageTopic: string;
  connectorName: string;
  graceMs: number;
}): Promise<BackupCheck> {
  const started = Date.now();
  const caughtUp = await until(
    async () =>
      (await groupLag(opts.brokers, `connect-${opts.connectorName}`, opts.usageTopic)) === 0,
    opts.graceMs,
  );
  const caughtUpS = caughtUp ? (Date.now() - started) / 1000 : null;
  const deadline = Date.now() + opts.graceMs;
  for (;;) {
    let exitCode = 0;
    let output: string;
    try {
      const r = await execFileAsync(
        process.execPath,
        [join(opts.root, 'packages/backup/dist/verify-cli.js')],
        {
          cwd: opts.root,
          env: opts.env,
        },
      );
      output = `${r.stdout}${r.stderr}`;
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
      exitCode = typeof e.code === 'number' ? e.code : 2;
      output = `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
    }
    if (exitCode === 0 || Date.now() > deadline)
      return { caughtUpS, exitCode, exact: exitCode === 0, output: output.trim() };
    await sleep(5000);
  }
}

export interface LetterCheck {
  topic: string;
  letters: number;
  /** Poison that should be there and is not. */
  missing: string[];
  /** Letters that are not our poison: valid events set aside, or something else. */
  unexpectedCount: number;
  unexpected: string[];
  /** Poison set aside more than once (a consumer redelivered before committing). */
  repeated: number;
  reasons: string[];
}

/** The dead letters of `topic` against the poison placed on the usage topic. */
export async function checkLetters(
  brokers: string,
  topic: string,
  placed: Placed[],
): Promise<LetterCheck> {
  const letters = await readLetters(brokers, topic);
  // A dead letter carries the original bytes; each poison message is unique.
  const wanted = new Map(placed.map((p) => [p.value, p.kind]));
  const seen = new Map<string, number>();
  const unexpected: string[] = [];
  for (const l of letters) {
    if (wanted.has(l.value)) seen.set(l.value, (seen.get(l.value) ?? 0) + 1);
    else if (unexpected.length < 10)
      unexpected.push(`${l.partition}:${l.offset} from ${l.original}: ${l.reason}`);
  }
  const unexpectedCount = letters.filter((l) => !wanted.has(l.value)).length;
  return {
    topic,
    letters: letters.length,
    missing: [...wanted].filter(([v]) => !seen.has(v)).map(([, kind]) => kind),
    unexpectedCount,
    unexpected,
    repeated: [...seen.values()].filter((n) => n > 1).length,
    reasons: [...new Set(letters.map((l) => l.reason))].slice(0, 10),
  };
}
