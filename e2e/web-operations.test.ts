import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEvent } from '@tally/events';
import { waitUntil } from '@tally/retry';
import type { Browser, Page } from 'playwright-core';
import type { DeadLettersView, OpsCharts, OpsOverview } from '../web/server/src/ops/ops-types';
import { BASIC_30, billingApi, nextPhone } from './support/billing-api';
import { launchChromium } from './support/chromium';
import { e2eBus } from './support/message-bus';
import { createTestStack, gql, type RunningService } from './support/test-stack';
import { consumedAll } from './support/topic-messages';
import { signInAs, startWebConsole } from './support/web-console';

const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const PERIOD = '2026-11';

/** Polls `check` until it returns something (an observable condition, never a fixed sleep). */
const eventually = <T>(check: () => Promise<T | undefined>, deadlineMs = 60_000) =>
  waitUntil(check, { deadlineMs, intervalMs: 500, retryIf: () => false });

describe('the Operations page (admin only), on a real stack in a real browser', () => {
  const stack = createTestStack();
  const topics = {
    users: `e2e-${stack.tag}.user.events.v1`,
    usage: `e2e-${stack.tag}.usage.events.v1`,
    settlement: `e2e-${stack.tag}.settlement.events.v1`,
    deadLetter: `e2e-${stack.tag}.dead-letter.v1`,
  };
  let gateway: RunningService;
  let consoleUrl: string;
  let stopConsole: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let admin: string;

  /** GET /ops/<path> on the console server as `token` (null: none). */
  const ops = async (path: string, token: string | null, body?: unknown) =>
    fetch(`${consoleUrl}/ops/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const opsJson = async <T>(path: string) => (await (await ops(path, admin)).json()) as T;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ gateway } = await stack.startAll());
    const web = await startWebConsole(gateway.url, {
      issuerUrl: stack.issuerUrl,
      env: {
        REGISTRY_URL: stack.registryUrl,
        KAFKA_GROUP_PREFIX: `e2e-${stack.tag}`,
        TOPIC_USERS: topics.users,
        TOPIC_USAGE: topics.usage,
        TOPIC_SETTLEMENT: topics.settlement,
        TOPIC_DEAD_LETTER: topics.deadLetter,
      },
    });
    consoleUrl = web.url;
    stopConsole = () => web.proc.stop(5000);
    admin = await stack.token('admin');
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stopConsole?.();
    await stack.stopAll();
  });

  it('answers /ops only to admin: 403 for agent, mediation and subscriber, 401 without a token', async () => {
    const refused = {
      agent: await stack.token('agent'),
      mediation: await stack.token('mediation'),
      subscriber: await stack.token('subscriber', 'someone'),
    };
    for (const path of ['overview', 'charts', 'dead-letters']) {
      expect((await ops(path, admin)).status).toBe(200);
      for (const [role, token] of Object.entries(refused)) {
        const res = await ops(path, token);
        expect([path, role, res.status]).toEqual([path, role, 403]);
        expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      }
      const anonymous = await ops(path, null);
      expect([path, anonymous.status]).toEqual([path, 401]);
      expect(await anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
    for (const token of Object.values(refused))
      expect((await ops('dead-letters/replay', token, {})).status).toBe(403);
    expect((await ops('dead-letters/replay', null, {})).status).toBe(401);
  });

  it('shows instances, the supergraph history, consumer lag, outboxes, dead letters and live charts', async () => {
    // Traffic: a user on BASIC-30, usage recorded, bills read by name (the latency chart).
    const api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    const kim = await api.signUp('Kim Ops', nextPhone());
    await api.subscribe(kim, 'BASIC-30', `${PERIOD}-01T00:00:00+09:00`);
    const records = Array.from({ length: 40 }, (_, i) => ({
      id: `${stack.tag}-ops-${i}`,
      userId: kim,
      type: 'SMS' as const,
      amount: 1,
      occurredAt: `${PERIOD}-02T10:00:00+09:00`,
    }));
    expect((await api.recordUsages(records)).accepted).toBe(40);
    await api.waitForBill(kim, PERIOD, (b) => b.eventsApplied >= 40);
    const readBill = `query UserBill($u: ID!, $p: String!) { user(id: $u) { bill(period: $p) { total } } }`;
    for (let i = 0; i < 10; i++) await gql(gateway.url, readBill, { u: kim, p: PERIOD });

    // Two dead letters: a message that is no event (set aside by settlement's consumer), and a
    // valid event put aside by hand, as a consumer does with a permanent failure.
    const bus = e2eBus('e2e-ops');
    const publisher = bus.publisher();
    await publisher.connect();
    await publisher.publish([{ topic: topics.usage, key: kim, value: 'not an event at all' }]);
    const event = createEvent('UsageRecorded', kim, {
      usageId: `${stack.tag}-replayed`,
      userId: kim,
      type: 'SMS',
      amount: 1,
      occurredAt: `${PERIOD}-03T10:00:00.000Z`,
      recordedAt: new Date().toISOString(),
    });
    await publisher.publish([
      {
        topic: topics.deadLetter,
        key: kim,
        value: JSON.stringify(event),
        headers: {
          'dead-letter-reason': 'user unknown to settlement (test)',
          'original-topic': topics.usage,
          'original-partition': '0',
          'original-offset': '0',
        },
      },
    ]);
    await publisher.disconnect();
    const letters = await eventually(async () => {
      const view = await opsJson<DeadLettersView>('dead-letters');
      return view.total >= 2 ? view : undefined;
    });
    const valid = letters.letters.find((l) => l.eventType === 'UsageRecorded')!;
    const garbage = letters.letters.find((l) => l.eventType === null)!;
    expect(garbage.reason).not.toBe('');
    expect(garbage.original.topic).toBe(topics.usage);

    // The charts: the usage topic grew and bills were read since the console started sampling.
    await eventually(async () => {
      for (let i = 0; i < 3; i++) await gql(gateway.url, readBill, { u: kim, p: PERIOD });
      await api.recordUsages([{ ...records[0]!, id: `${stack.tag}-ops-more-${Date.now()}` }]);
      const charts = await opsJson<OpsCharts>('charts');
      // A few points of each line, so the screenshot shows lines rather than dots.
      const ingest = charts.samples.filter((s) => (s.ingestPerSecond ?? 0) > 0).length >= 3;
      const reads = charts.samples.filter((s) => s.billReadP50Ms !== null).length >= 3;
      const lag = charts.samples.some((s) => s.settlementLag !== null);
      return ingest && reads && lag ? charts : undefined;
    }, 90_000);

    const overview = await opsJson<OpsOverview>('overview');
    if (!overview.registry.ok) throw new Error(overview.registry.error);
    expect(overview.registry.data.subgraphs.map((s) => s.name).sort()).toEqual([
      'settlement',
      'usage',
      'user',
    ]);
    expect(overview.supergraphs.ok && overview.supergraphs.data.length).toBeGreaterThan(0);
    if (!overview.consumers.ok) throw new Error(overview.consumers.error);
    const settlement = overview.consumers.data.find(
      (g) => g.groupId === `e2e-${stack.tag}.settlement.facts.v1`,
    );
    expect(settlement?.partitions.map((p) => p.topic)).toContain(topics.usage);
    if (!overview.outboxes.ok) throw new Error(overview.outboxes.error);
    const usageOutbox = overview.outboxes.data.find((s) => s.service === 'usage');
    expect(usageOutbox?.outboxes).toMatchObject({ ok: true, data: [{ collection: 'outbox' }] });

    // In the browser, as admin.
    await signInAs(page, consoleUrl, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Operations' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();

    const instances = page.getByRole('table', { name: 'Instances' });
    for (const name of ['user', 'usage', 'settlement'])
      await instances.getByRole('cell', { name, exact: true }).waitFor();
    expect(await instances.getByText('UP', { exact: true }).count()).toBe(3);
    await page.getByText('self-preservation off').waitFor();
    await page
      .getByRole('table', { name: 'Supergraph history' })
      .getByText('served', { exact: true })
      .waitFor();
    await page
      .getByRole('table', { name: 'Consumer lag' })
      .getByRole('cell', { name: `e2e-${stack.tag}.settlement.facts.v1` })
      .waitFor();
    await page
      .getByRole('table', { name: 'Outbox backlog' })
      .getByRole('cell', { name: 'outbox' })
      .first()
      .waitFor();
    for (const title of ['Ingest rate', 'Settlement lag', 'Bill read latency'])
      await page.getByRole('img', { name: new RegExp(`^${title}`) }).waitFor();

    const deadLetters = page.getByRole('table', { name: 'Dead letters' });
    await deadLetters.getByRole('cell', { name: valid.id, exact: true }).waitFor();
    await deadLetters.getByRole('cell', { name: garbage.id, exact: true }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'operations.png'), fullPage: true });

    // Show one, then replay the valid one: it goes back to the usage topic, settlement applies it.
    const row = (id: string) =>
      deadLetters
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: id, exact: true }) });
    await row(garbage.id).getByRole('button', { name: 'Show' }).click();
    const shown = page.getByRole('region', { name: `Dead letter ${garbage.id}` });
    await shown.getByText('not an event at all', { exact: true }).waitFor();
    await consumedAll(`e2e-${stack.tag}.settlement.facts.v1`, topics.usage);
    const before = (await api.bill(kim, PERIOD)).eventsApplied;
    await row(valid.id).getByRole('button', { name: 'Replay' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Replayed 1 ${valid.id} → ${topics.usage}` })
      .waitFor();
    await api.waitForBill(kim, PERIOD, (b) => b.eventsApplied === before + 1);
    // The garbage one can never be processed: replay skips it and says why.
    const skipped = (await (
      await ops('dead-letters/replay', admin, { ids: [garbage.id] })
    ).json()) as {
      replayed: unknown[];
      skipped: Array<{ id: string; why: string }>;
    };
    expect(skipped).toEqual({
      replayed: [],
      skipped: [{ id: garbage.id, why: expect.stringContaining('can never be processed') }],
    });
  });

  it('keeps the page from other roles: no Operations link, and it says which permission is needed', async () => {
    await signInAs(page, consoleUrl, 'agent');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Users' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Operations' }).count()).toBe(0);
    await page.goto(`${consoleUrl}/#/operations`);
    await page
      .getByText(
        'The Operations page needs the ops:read permission, which your role (agent) does not have.',
      )
      .waitFor();
  });
  it('shows a source that is down as down, and the rest of the page still', async () => {
    await stack.stop('registry');
    const overview = await eventually(async () => {
      const o = await opsJson<OpsOverview>('overview');
      return o.registry.ok ? undefined : o;
    });
    expect(overview.consumers.ok).toBe(true);
    expect(overview.outboxes).toMatchObject({ ok: false });

    // Signing in ends on the home page: open this one from its link (a goto right after the
    // sign-in's click once raced it and lost to the home page).
    await signInAs(page, consoleUrl, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Operations' })
      .click();
    const instances = page.getByRole('region', { name: 'Instances' });
    await instances.getByText('The registry could not be read').waitFor();
    await page
      .getByRole('table', { name: 'Consumer lag' })
      .getByRole('cell', { name: `e2e-${stack.tag}.settlement.facts.v1` })
      .waitFor();
  });
});
