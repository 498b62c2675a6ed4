import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { nextPhone } from './support/billing-api';
import { launchChromium } from './support/chromium';
import { createTestStack, type RunningService } from './support/test-stack';
import { startWebConsole } from './support/web-console';

const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const SETTLED_WITHIN_MS = 60_000;

/** The month before this one in Seoul ("YYYY-MM") and its number of days. */
function lastMonthInSeoul(): { period: string; days: number } {
  const seoul = new Date(Date.now() + 9 * 3600_000);
  const first = new Date(Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth() - 1, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { period: first.toISOString().slice(0, 7), days };
}

describe('the web console in a real browser', () => {
  const stack = createTestStack();
  let gateway: RunningService;
  let consoleUrl: string;
  let stopConsole: () => Promise<void>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ gateway } = await stack.startAll());
    const web = await startWebConsole(gateway.url);
    consoleUrl = web.url;
    stopConsole = () => web.proc.stop(5000);
    // Seoul, like the billing time zone: times typed into the console are Seoul times.
    const context = await browser.newContext({
      timezoneId: 'Asia/Seoul',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await stopConsole?.();
    await stack.stopAll();
  });

  it('signs up a user, subscribes them, records usage and shows the bill the rules give', async () => {
    const { period, days } = lastMonthInSeoul();
    const phone = nextPhone();
    await page.goto(consoleUrl);

    // BASIC-30 (billing-rules.md): ₩30,000 a month, 1000 MB, then ₩20 per MB.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Plans' })
      .click();
    const planForm = page.getByRole('form', { name: 'Create a plan' });
    await planForm.getByLabel('Plan id').fill('BASIC-30');
    await planForm.getByLabel('Plan name').fill('Basic 30');
    await planForm.getByLabel('Monthly fee (won)').fill('30000');
    await planForm.getByLabel('Data (MB)').fill('1000');
    await planForm.getByLabel('Voice (seconds)').fill('6000');
    await planForm.getByLabel('SMS (messages)').fill('100');
    await planForm.getByLabel('Per MB').fill('20');
    await planForm.getByLabel('Per voice second').fill('2');
    await planForm.getByLabel('Per SMS').fill('20');
    await planForm.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('status').filter({ hasText: 'Plan BASIC-30 created.' }).waitFor();
    await page.getByRole('cell', { name: 'Basic 30', exact: true }).waitFor();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users' })
      .click();
    const signUp = page.getByRole('form', { name: 'Sign up a user' });
    await signUp.getByLabel('Name').fill('Kim Console');
    await signUp.getByLabel('Phone').fill(phone);
    await signUp.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kim Console' }).waitFor();

    const subscribe = page.getByRole('form', { name: 'Subscribe to a plan' });
    await subscribe.getByLabel('Plan').selectOption('BASIC-30');
    await subscribe.getByLabel('In force from').fill(`${period}-01T00:00`);
    await subscribe.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('status').filter({ hasText: 'Subscribed to BASIC-30.' }).waitFor();
    await page
      .getByRole('region', { name: 'Plan history' })
      .getByRole('cell', { name: 'Basic 30 (BASIC-30)' })
      .waitFor();

    // Worked example 1: DATA 600 + 600, VOICE 100, SMS 5 -> 200 MB over -> ₩4,000.
    const record = page.getByRole('form', { name: 'Record usage' });
    const usages = [
      { type: 'DATA', amount: '600', at: `${period}-05T10:00` },
      { type: 'DATA', amount: '600', at: `${period}-12T21:30` },
      { type: 'VOICE', amount: '100', at: `${period}-14T08:00` },
      { type: 'SMS', amount: '5', at: `${period}-20T19:45` },
    ];
    for (const usage of usages) {
      await record.getByLabel('Type').selectOption(usage.type);
      await record.getByLabel('Amount').fill(usage.amount);
      await record.getByLabel('Occurred at').fill(usage.at);
      await record.getByRole('button', { name: 'Record' }).click();
      await record
        .getByRole('status')
        .filter({ hasText: `at ${usage.at.replace('T', ' ')}` })
        .waitFor();
    }

    await page.getByLabel('Month').fill(period);
    const bill = page.getByRole('region', { name: 'Bill' });
    // Settlement learns of the usage through Kafka: the bill section polls until it shows.
    await bill
      .getByTestId('bill-total')
      .filter({ hasText: '₩34,000' })
      .waitFor({ timeout: SETTLED_WITHIN_MS });
    const line = bill.getByRole('row', { name: /Basic 30 \(BASIC-30\)/ });
    expect(await line.getByRole('cell').allInnerTexts()).toEqual([
      'Basic 30 (BASIC-30)',
      String(days),
      '₩30,000',
      '1,000 MB\n6,000 s\n100 SMS',
      '1,200 MB\n100 s\n5 SMS',
      '200 MB\n0 s\n0 SMS',
      '₩4,000',
    ]);
    await page
      .getByRole('region', { name: 'Usage records' })
      .getByText('4 records: 1,200 MB, 100 s, 5 SMS.')
      .waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'web-console-bill.png'), fullPage: true });
  });

  it('says in words when something already exists or is not found', async () => {
    await page.goto(`${consoleUrl}/#/plans`);
    const planForm = page.getByRole('form', { name: 'Create a plan' });
    await planForm.getByLabel('Plan id').fill('BASIC-30');
    await planForm.getByLabel('Plan name').fill('Basic again');
    for (const label of ['Monthly fee (won)', 'Per MB', 'Per voice second', 'Per SMS'])
      await planForm.getByLabel(label).fill('1');
    await planForm.getByRole('button', { name: 'Create plan' }).click();
    await planForm.getByRole('alert').filter({ hasText: 'That already exists' }).waitFor();

    await page.goto(`${consoleUrl}/#/users`);
    const find = page.getByRole('form', { name: 'Find a user' });
    await find.getByLabel('Phone').fill('010-0000-0000');
    await find.getByRole('button', { name: 'Find' }).click();
    await find
      .getByRole('status')
      .filter({ hasText: 'No user has the phone 010-0000-0000.' })
      .waitFor();
    await find.getByLabel('Phone').fill('12345');
    await find.getByRole('button', { name: 'Find' }).click();
    const invalid = await find.getByRole('alert').textContent();
    expect(invalid).not.toMatch(/BAD_USER_INPUT|Error:/);
  });

  it('serves the playground from the gateway, working with no internet', async () => {
    const offline = await browser.newContext();
    const outside: string[] = [];
    await offline.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1') return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const playground = await offline.newPage();
    const failed: string[] = [];
    playground.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await playground.goto(`${gateway.url}/graphql`);
    await playground.locator('.graphiql-container').waitFor();
    await playground.getByText('mutation SignUp').first().waitFor();
    // The first example's variables too (GraphiQL 3 leaves them out unless handed over).
    await playground.getByText('Kim Minji').first().waitFor();
    expect({ outside, failed }).toEqual({ outside: [], failed: [] });
    await offline.close();

    // Clients still get GraphQL on the same path, by POST and by GET.
    const post = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html, application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${gateway.url}/graphql?query=%7B__typename%7D`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
