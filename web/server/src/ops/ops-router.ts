import express, { Router } from 'express';
import { messageOf, sourced } from './deadline';
import type { DeadLetterSource } from './dead-letters';
import { opsAuth, sendOpsError } from './ops-auth';
import type { OpsOverview, ReplayRequest, Sourced } from './ops-types';
import type { OpsSettings } from './ops-settings';

const LETTER_ID = /^\d{1,6}:\d{1,20}$/;

/** What the routes read; each call gives up at its deadline and says the source is down. */
export interface OpsReads {
  overview(): Promise<OpsOverview>;
  charts(): ReturnType<import('./sampler').Sampler['charts']>;
  deadLetters: DeadLetterSource;
}

/**
 * The Operations page's JSON, admin only: GET /ops/overview (registry, supergraph history,
 * consumer lag, outboxes), GET /ops/charts (the last 15 minutes), GET /ops/dead-letters and
 * /ops/dead-letters/:id need `ops:read`; POST /ops/dead-letters/replay needs `ops:write`.
 */
export function opsRouter(settings: Pick<OpsSettings, 'tokenCheck' | 'missing'>, reads: OpsReads) {
  const router = Router();
  const guard = opsAuth(settings.tokenCheck, settings.missing);
  router.use('/ops', (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  router.get('/ops/overview', guard('ops:read'), async (_req, res) => {
    res.json(await reads.overview());
  });
  router.get('/ops/charts', guard('ops:read'), (_req, res) => {
    res.json(reads.charts());
  });
  router.get('/ops/dead-letters', guard('ops:read'), async (_req, res) => {
    const list: Sourced<unknown> = await sourced(
      'the dead-letter topic',
      () => reads.deadLetters.list(),
      10_000,
    );
    if (!list.ok) return sendOpsError(res, 503, 'UNAVAILABLE', list.error);
    res.json(list.data);
  });
  router.get('/ops/dead-letters/:id', guard('ops:read'), async (req, res) => {
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    if (!LETTER_ID.test(id))
      return sendOpsError(res, 400, 'BAD_USER_INPUT', 'a letter is partition:offset');
    const found = await sourced('the dead-letter topic', () => reads.deadLetters.show(id), 10_000);
    if (!found.ok) return sendOpsError(res, 503, 'UNAVAILABLE', found.error);
    if (!found.data) return sendOpsError(res, 404, 'NOT_FOUND', `no dead letter ${id}`);
    res.json(found.data);
  });
  router.post(
    '/ops/dead-letters/replay',
    guard('ops:write'),
    express.json({ limit: '64kb' }),
    async (req, res) => {
      const ids = (req.body as ReplayRequest | undefined)?.ids;
      if (
        ids !== undefined &&
        !(Array.isArray(ids) && ids.every((id) => typeof id === 'string' && LETTER_ID.test(id)))
      )
        return sendOpsError(res, 400, 'BAD_USER_INPUT', 'ids must be a list of partition:offset');
      try {
        res.json(await reads.deadLetters.replay(ids));
      } catch (err) {
        sendOpsError(res, 503, 'UNAVAILABLE', `replay failed: ${messageOf(err)}`);
      }
    },
  );
  return router;
}
