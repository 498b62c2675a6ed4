import type { UsageItem } from '../../e2e/support/billing-api';
import { graphql, type Endpoint } from '../scale/graphql';
import { usageItem, type BenchMonth } from '../scale/workload';
import { errorCode, errorText } from './error-code';
import type { Timeline } from './timeline';

const RECORD_USAGES = `mutation ChaosRecordUsages($i: [RecordUsageInput!]!) {
  recordUsages(input: $i) { accepted duplicates rejected { index id code } }
}`;
interface RecordUsagesResult {
  recordUsages: {
    accepted: number;
    duplicates: number;
    rejected: Array<{ index: number; id: string | null; code: string }>;
  };
}

/** Items the API must refuse, and the code it must refuse each with. */
export const INVALID_KINDS = {
  unknownUser: 'NOT_FOUND',
  futureTime: 'BAD_USER_INPUT',
  zeroAmount: 'BAD_USER_INPUT',
  amountOverLimit: 'BAD_USER_INPUT',
  conflictingRepeat: 'CONFLICT',
} as const;
type InvalidKind = keyof typeof INVALID_KINDS;
type Kind = 'new' | 'duplicate' | InvalidKind;

interface Planned {
  kind: Kind;
  item: UsageItem;
}

export interface DriverOptions {
  gatewayApi: Endpoint;
  runTag: string;
  userIds: string[];
  month: BenchMonth;
  /** Records per second to offer (the driver never catches up after a stall: no bursts). */
  rate: number;
  batch: number;
  inFlight: number;
  /** Share of each batch that repeats records already accepted (same id, same content). */
  duplicateShare: number;
  /** Invalid items per batch (one of each kind in turn). */
  invalidPerBatch: number;
  requestTimeoutMs: number;
  timeline: Timeline;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryDelayMs = (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 2_000);

/**
 * Steady ingest through the gateway at `rate` records/s, in batches, `inFlight` at a time.
 * Each batch carries new records, repeats of accepted ones and invalid items. A request that
 * gets no answer (transport error, timeout, an error for the whole operation) is sent again
 * with the same items — the same ids — until it is answered, so ids make it exactly-once:
 * the ledger holds every record the API answered as accepted or as a duplicate of one.
 */
export function createIngestDriver(opts: DriverOptions) {
  const accepted = new Map<string, UsageItem>();
  /** Ids of accepted new records, to repeat (random access). */
  const repeatable: string[] = [];
  const refused: Record<string, Record<string, number>> = {};
  const unexpected: string[] = [];
  let unexpectedCount = 0;
  const counts = {
    batches: 0,
    batchesAnswered: 0,
    requests: 0,
    requestsFailed: 0,
    retriedBatches: 0,
    items: 0,
    newAccepted: 0,
    repeatsAnswered: 0,
    /** Duplicates the API counted on a retry: records a failed attempt had stored. */
    storedByFailedAttempt: 0,
  };
  const examples: string[] = [];
  let seq = 0;
  let batchNo = 0;
  let stopped = false;
  let nextSlot = performance.now();
  const slotMs = (opts.batch / opts.rate) * 1000;
  /** [ms on the run's clock, new records accepted] per answered batch. */
  const acceptedLog: Array<[number, number]> = [];

  const flag = (what: string) => {
    unexpectedCount += 1;
    if (unexpected.length < 30) unexpected.push(what);
  };

  function plan(): Planned[] {
    const k = batchNo++;
    const items: Planned[] = [];
    const taken = new Set<string>();
    const pickAccepted = (): UsageItem | undefined => {
      for (let tries = 0; tries < 5 && repeatable.length > 0; tries++) {
        const id = repeatable[Math.floor(Math.random() * repeatable.length)]!;
        if (taken.has(id)) continue;
        taken.add(id);
        return accepted.get(id);
      }
      return undefined;
    };
    const repeats = Math.floor(opts.batch * opts.duplicateShare);
    for (let r = 0; r < repeats; r++) {
      const item = pickAccepted();
      if (item) items.push({ kind: 'duplicate', item });
    }
    const kinds = Object.keys(INVALID_KINDS) as InvalidKind[];
    for (let v = 0; v < opts.invalidPerBatch; v++) {
      const kind = kinds[(k * opts.invalidPerBatch + v) % kinds.length]!;
      const base = usageItem(seq, opts.runTag, opts.userIds, opts.month);
      const id = `${opts.runTag}-invalid-${k}-${v}`;
      if (kind === 'unknownUser')
        items.push({ kind, item: { ...base, id, userId: `nobody-${id}` } });
      else if (kind === 'futureTime')
        items.push({
          kind,
          item: { ...base, id, occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
        });
      else if (kind === 'zeroAmount') items.push({ kind, item: { ...base, id, amount: 0 } });
      else if (kind === 'amountOverLimit')
        items.push({ kind, item: { ...base, id, type: 'DATA', amount: 1_000_001 } });
      else {
        const earlier = pickAccepted();
        if (earlier) items.push({ kind, item: { ...earlier, amount: earlier.amount + 1 } });
      }
    }
    while (items.length < opts.batch) {
      items.push({ kind: 'new', item: usageItem(seq, opts.runTag, opts.userIds, opts.month) });
      seq += 1;
    }
    // Shuffled, so refusals and repeats sit anywhere in a batch.
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  function judge(batch: Planned[], result: RecordUsagesResult['recordUsages'], attempt: number) {
    const codes = new Map(result.rejected.map((r) => [r.index, r.code]));
    const expectedRepeats = batch.filter((p) => p.kind === 'duplicate').length;
    if (result.accepted + result.duplicates + result.rejected.length !== batch.length)
      flag(
        `answer does not add up: ${JSON.stringify({ ...result, rejected: result.rejected.length })} for ${batch.length} items`,
      );
    if (attempt === 1 && result.duplicates !== expectedRepeats)
      flag(
        `first attempt: ${result.duplicates} duplicates answered, ${expectedRepeats} repeats sent`,
      );
    if (attempt > 1)
      counts.storedByFailedAttempt += Math.max(0, result.duplicates - expectedRepeats);
    let fresh = 0;
    batch.forEach(({ kind, item }, index) => {
      const code = codes.get(index);
      if (kind === 'new' || kind === 'duplicate') {
        if (code) return flag(`${kind} record ${item.id} refused with ${code}`);
        if (kind === 'duplicate') counts.repeatsAnswered += 1;
        else if (!accepted.has(item.id)) {
          fresh += 1;
          repeatable.push(item.id);
        }
        accepted.set(item.id, item);
        return;
      }
      const want = INVALID_KINDS[kind];
      (refused[kind] ??= {})[code ?? 'accepted'] = (refused[kind][code ?? 'accepted'] ?? 0) + 1;
      if (code === want) return;
      flag(`${kind} item ${item.id} answered ${code ?? 'accepted'}, expected ${want}`);
      // Accepted after all: then the store holds it and the reference must count it.
      if (!code && kind !== 'conflictingRepeat') accepted.set(item.id, item);
    });
    counts.newAccepted += fresh;
    acceptedLog.push([opts.timeline.now(), fresh]);
  }

  /** Sends one batch until it is answered (or the driver is told to give up). */
  async function send(batch: Planned[], giveUp: () => boolean): Promise<boolean> {
    counts.batches += 1;
    counts.items += batch.length;
    const items = batch.map((p) => p.item);
    for (let attempt = 1; ; attempt++) {
      counts.requests += 1;
      try {
        const data = await graphql<RecordUsagesResult, { i: UsageItem[] }>(
          opts.gatewayApi,
          RECORD_USAGES,
          { i: items },
          opts.requestTimeoutMs,
        );
        opts.timeline.record('ingest', true);
        judge(batch, data.recordUsages, attempt);
        counts.batchesAnswered += 1;
        if (attempt > 1) counts.retriedBatches += 1;
        return true;
      } catch (err) {
        counts.requestsFailed += 1;
        opts.timeline.record('ingest', false, errorCode(err));
        if (examples.length < 10) examples.push(errorText(err).slice(0, 300));
        if (giveUp()) return false;
        await sleep(retryDelayMs(attempt));
      }
    }
  }

  const unanswered: string[][] = [];
  let giveUpAt = Infinity;
  const workers: Array<Promise<void>> = [];
  return {
    start(): void {
      for (let w = 0; w < opts.inFlight; w++)
        workers.push(
          (async () => {
            while (!stopped) {
              const now = performance.now();
              const at = Math.max(nextSlot, now);
              nextSlot = at + slotMs;
              if (at > now) await sleep(at - now);
              if (stopped) break;
              const batch = plan();
              if (!(await send(batch, () => performance.now() > giveUpAt)))
                unanswered.push(batch.map((p) => p.item.id));
            }
          })(),
        );
    },
    /** No new batches; resolves once every batch sent has been answered (or `graceMs` passed). */
    async stop(graceMs: number): Promise<void> {
      stopped = true;
      giveUpAt = performance.now() + graceMs;
      await Promise.all(workers);
    },
    /** New records accepted in [from, to) on the run's clock, per second. */
    rate(from: number, to: number): number {
      let n = 0;
      for (let i = acceptedLog.length - 1; i >= 0 && acceptedLog[i]![0] >= from; i--)
        if (acceptedLog[i]![0] < to) n += acceptedLog[i]![1];
      return to > from ? Math.round((n * 1000) / (to - from)) : 0;
    },
    accepted: (): ReadonlyMap<string, UsageItem> => accepted,
    /** One accepted record's id (for the probe that reads a record through the gateway). */
    anyAccepted: (): string | undefined => repeatable[0],
    report() {
      return {
        ...counts,
        acceptedRecords: accepted.size,
        refused,
        unexpectedOutcomes: unexpectedCount,
        unexpected,
        unansweredBatches: unanswered.length,
        unansweredIds: unanswered.flat().slice(0, 20),
        failureExamples: examples,
      };
    },
  };
}

export type IngestDriver = ReturnType<typeof createIngestDriver>;
