import { Router } from 'express';

/** Resolves when the dependency answers; throws (with a reason) when it does not. */
export type HealthCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 2000;

async function runCheck(check: HealthCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
}

/** `/health/live` is 200 while the process runs; `/health/ready` only when every check passes. */
export function healthRouter(
  checks: Record<string, HealthCheck>,
  stats: () => object | Promise<object> = () => ({}),
): Router {
  const router = Router();
  router.get('/health/live', async (_req, res) => {
    // Figures are extra: one that does not come in time is left out, never a failed probe.
    let figures: object = {};
    await runCheck(async () => void (figures = await stats()));
    res.json({ status: 'live', ...figures });
  });
  router.get('/health/ready', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((n) => runCheck(checks[n]!)));
    const failing = Object.fromEntries(
      names.flatMap((n, i) => (results[i] ? [[n, results[i]]] : [])),
    );
    const ready = Object.keys(failing).length === 0;
    res
      .status(ready ? 200 : 503)
      .json(ready ? { status: 'ready', checks: names } : { status: 'unavailable', failing });
  });
  return router;
}
