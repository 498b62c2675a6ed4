import { graphql, type Endpoint } from '../scale/graphql';
import { errorCode, errorText } from './error-code';
import type { Timeline } from './timeline';

const USER_BILL = `query ChaosUserBill($u: ID!, $p: String!) {
  user(id: $u) { id bill(period: $p) { eventsApplied usage { dataMb voiceSeconds smsCount } } }
}`;
interface UserBill {
  user: { id: string; bill: { eventsApplied: number } } | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Bill reads through the gateway (user, then settlement for the bill), `readers` loops on
 * random users with `pauseMs` between reads. Settlement is behind the ingest, so a bill is
 * not compared with it here; but a bill never shrinks: one that reports fewer events than an
 * earlier read of the same bill lost state (the final check compares every bill exactly).
 */
export function createBillReader(opts: {
  gatewayApi: Endpoint;
  userIds: string[];
  period: string;
  readers: number;
  pauseMs: number;
  requestTimeoutMs: number;
  timeline: Timeline;
}) {
  const highest = new Map<string, number>();
  const counts = { reads: 0, failed: 0, wentBackwards: 0 };
  const backwards: string[] = [];
  const examples: string[] = [];
  let stopped = false;
  const loops: Array<Promise<void>> = [];

  async function readOne(): Promise<void> {
    const userId = opts.userIds[Math.floor(Math.random() * opts.userIds.length)]!;
    counts.reads += 1;
    try {
      const data = await graphql<UserBill, { u: string; p: string }>(
        opts.gatewayApi,
        USER_BILL,
        { u: userId, p: opts.period },
        opts.requestTimeoutMs,
      );
      if (!data.user) throw new Error(`NOT_FOUND: no user ${userId}`);
      opts.timeline.record('bill read', true);
      const events = data.user.bill.eventsApplied;
      const before = highest.get(userId) ?? 0;
      if (events < before) {
        counts.wentBackwards += 1;
        if (backwards.length < 10)
          backwards.push(
            `${userId}: eventsApplied ${events} after ${before} (at ${opts.timeline.now()} ms)`,
          );
      } else highest.set(userId, events);
    } catch (err) {
      counts.failed += 1;
      opts.timeline.record('bill read', false, errorCode(err));
      if (examples.length < 10) examples.push(errorText(err).slice(0, 300));
    }
  }

  return {
    start(): void {
      for (let r = 0; r < opts.readers; r++)
        loops.push(
          (async () => {
            while (!stopped) {
              await readOne();
              await sleep(opts.pauseMs);
            }
          })(),
        );
    },
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(loops);
    },
    report: () => ({ ...counts, backwards, failureExamples: examples }),
  };
}

export type BillReader = ReturnType<typeof createBillReader>;
