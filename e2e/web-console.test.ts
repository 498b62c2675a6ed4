import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@tally/infra';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { billingApi, nextPhone } from './support/billing-api';
import { launchChromium } from './support/chromium';
import { createTestStack, type RunningService } from './support/test-stack';
import { startOidcProvider, signInAs, startWebConsole } from './support/web-console';

const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const SETTLED_WITHIN_MS = 60_000;
const FORBIDDEN_WORDING = 'Not allowed: the role you signed in with cannot see or change this.';

/** The part of a page's window these tests read (the e2e code is typed for Node, not the DOM). */
interface BrowserWindow {
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
  localStorage: { length: number };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Lets the browser reach only this machine (the provider's login page asks for web fonts). */
async function offline(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  return outside;
}

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
  /** The user the first test signs up and bills; the subscriber test signs in as them. */
  let kimId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ gateway } = await stack.startAll());
    const web = await startWebConsole(gateway.url, { issuerUrl: stack.issuerUrl });
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

  it('signs in as admin, then signs up a user, subscribes them, records usage and shows the bill the rules give', async () => {
    const { period, days } = lastMonthInSeoul();
    const phone = nextPhone();
    await page.goto(consoleUrl);
    await page.getByRole('form', { name: 'Sign in as' }).waitFor();
    await screenshot(page, 'web-console-sign-in');
    await signInAs(page, consoleUrl, 'admin');

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
    kimId = decodeURIComponent(new URL(page.url()).hash.replace('#/users/', ''));

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

    await screenshot(page, 'web-console-bill');
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

  it("shows a subscriber their own account and bill, and nobody else's", async () => {
    const { period } = lastMonthInSeoul();
    const otherId = await billingApi(gateway.url).signUp('Lee Other', nextPhone());
    await signInAs(page, consoleUrl, 'subscriber', kimId);

    await page.getByRole('heading', { level: 1, name: 'Kim Console' }).waitFor();
    await page.getByText(`user ${kimId}`).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'My account',
      'Plans',
      'Playground',
    ]);
    await page.getByLabel('Month').fill(period);
    await page
      .getByRole('region', { name: 'Bill' })
      .getByTestId('bill-total')
      .filter({ hasText: '₩34,000' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Plan history' })
      .getByRole('cell', { name: 'Basic 30 (BASIC-30)' })
      .waitFor();
    // What a subscriber may not do is not offered, and the page says why.
    await page
      .getByText(
        'Subscribing to a plan needs the users:write permission, which your role (subscriber) does not have.',
      )
      .waitFor();
    await page.getByText('Recording usage needs the usage:write permission').waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('link', { name: '← All users' }).count()).toBe(0);
    await screenshot(page, 'web-console-subscriber');

    // The users page is their own account; another user's page is the API's FORBIDDEN.
    await page.goto(`${consoleUrl}/#/users`);
    await page.getByRole('heading', { level: 1, name: 'Kim Console' }).waitFor();
    await page.goto(`${consoleUrl}/#/users/${encodeURIComponent(otherId)}`);
    await page.getByRole('alert').filter({ hasText: FORBIDDEN_WORDING }).waitFor();
    expect(await page.getByText('Lee Other').count()).toBe(0);
    await screenshot(page, 'web-console-subscriber-forbidden');
  });

  it('offers each role only the forms its scopes allow, saying why the others are missing', async () => {
    await signInAs(page, consoleUrl, 'agent');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Plans' })
      .click();
    await page.getByRole('cell', { name: 'Basic 30', exact: true }).waitFor();
    await page
      .getByRole('note')
      .filter({
        hasText:
          'Creating a plan needs the plans:write permission, which your role (agent) does not have.',
      })
      .waitFor();
    expect(await page.getByRole('form', { name: 'Create a plan' }).count()).toBe(0);
    await screenshot(page, 'web-console-agent-plans');

    // An agent serves customers: finds, signs up and subscribes them, but records no usage.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users' })
      .click();
    await page.getByRole('link', { name: 'Kim Console' }).first().click();
    await page.getByRole('form', { name: 'Subscribe to a plan' }).waitFor();
    await page
      .getByText(
        'Recording usage needs the usage:write permission, which your role (agent) does not have.',
      )
      .waitFor();

    await signInAs(page, consoleUrl, 'mediation');
    await page
      .getByText(
        'Listing the users needs the users:read permission, which your role (mediation) does not have.',
      )
      .waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('sends the person back to sign in, saying why, when the API refuses their token', async () => {
    await signInAs(page, consoleUrl, 'admin');
    // A token the gateway cannot verify (not signed by the stack's issuer) that has not expired.
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = `${part({ alg: 'HS256' })}.${part({ roles: ['admin'], exp: 4102444800 })}.c2ln`;
    await page.evaluate(
      (token) =>
        (globalThis as unknown as BrowserWindow).sessionStorage.setItem(
          'tally.console.session',
          JSON.stringify({ token }),
        ),
      forged,
    );
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your sign-in has ended or is no longer accepted. Sign in again.' })
      .waitFor();
    await page.getByRole('form', { name: 'Sign in as' }).waitFor();
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as BrowserWindow).sessionStorage.getItem('tally.console.session'),
      ),
    ).toBeNull();
  });

  it('says so clearly when the local issuer is not running', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const web = await startWebConsole(gateway.url, { issuerUrl: nowhere });
    try {
      const other = await browser.newPage();
      await other.goto(web.url);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other
        .getByRole('alert')
        .filter({ hasText: `The local token issuer at ${nowhere} is not reachable` })
        .waitFor();
      await other.close();
    } finally {
      await web.proc.stop(5000);
    }
  });

  it("opens the playground with the console's token, and sends a pasted one instead", async () => {
    await signInAs(page, consoleUrl, 'agent');
    const token = await page.evaluate(
      () =>
        (
          JSON.parse(
            (globalThis as unknown as BrowserWindow).sessionStorage.getItem(
              'tally.console.session',
            ) ?? '{}',
          ) as { token?: string }
        ).token,
    );
    expect(token).toMatch(/^ey/);
    // GraphiQL asks for the schema as it opens: with the console's token.
    const introspection = page
      .context()
      .waitForEvent(
        'request',
        (r) => r.method() === 'POST' && !!r.postData()?.includes('IntrospectionQuery'),
      );
    const [playground] = await Promise.all([
      page.context().waitForEvent('page'),
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Playground' })
        .click(),
    ]);
    expect((await introspection).headers().authorization).toBe(`Bearer ${token}`);
    await playground.locator('.graphiql-container').waitFor();
    expect(new URL(playground.url()).hash).toBe('');
    expect(await playground.getByLabel('Bearer token').inputValue()).toBe(token);

    await playground.getByLabel('Bearer token').fill('Bearer pasted.token.value');
    const pasted = playground.waitForRequest(
      (r) => r.method() === 'POST' && r.headers().authorization === 'Bearer pasted.token.value',
    );
    await playground.locator('.graphiql-execute-button').click();
    await pasted;
    await playground.close();
  });

  it('signs in by OpenID Connect in production: code flow with PKCE against a real provider', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const provider = await startOidcProvider({
      clientId: 'tally-console',
      redirectUri: `${url}/auth/callback`,
      resource: 'urn:tally:api',
      audience: 'tally-api',
    });
    const context = await browser.newContext();
    try {
      // A gateway that trusts the provider, as production's would.
      const oidcGateway = await stack.start('gateway', {
        AUTH_ISSUER: provider.issuer,
        AUTH_AUDIENCE: 'tally-api',
        AUTH_JWKS_URL: provider.jwksUri,
      });
      const web = await startWebConsole(oidcGateway.url, {
        port,
        env: {
          NODE_ENV: 'production',
          AUTH_ISSUER: provider.issuer,
          AUTH_CLIENT_ID: 'tally-console',
          AUTH_RESOURCE: 'urn:tally:api',
        },
      });
      try {
        const devToken = await fetch(`${url}/auth/dev-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"role":"admin"}',
        });
        expect(devToken.status).toBe(404);

        const outside = await offline(context);
        const signIn = await context.newPage();
        const authorize = signIn.waitForRequest((r) =>
          r.url().startsWith(`${provider.issuer}/auth?`),
        );
        await signIn.goto(`${url}/#/plans`);
        await signIn.getByRole('button', { name: 'Sign in' }).click();
        const asked = new URL((await authorize).url()).searchParams;
        expect(asked.get('code_challenge_method')).toBe('S256');
        expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(asked.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(asked.get('redirect_uri')).toBe(`${url}/auth/callback`);

        // The provider's own development login: any login; "admin-…" is an admin.
        await signIn.locator('input[name="login"]').fill('admin-kim');
        await signIn.locator('input[name="password"]').fill('any password');
        await signIn.getByRole('button', { name: 'Sign-in' }).click();
        const consent = signIn.getByRole('button', { name: 'Continue' });
        const signedIn = signIn.getByText('Signed in as admin');
        await consent.or(signedIn).waitFor();
        if (await consent.isVisible()) await consent.click();
        await signedIn.waitFor();
        expect(signIn.url()).toBe(`${url}/#/plans`);

        // The gateway takes the provider's token: users need users:read.
        await signIn
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Users' })
          .click();
        await signIn.getByRole('link', { name: 'Kim Console' }).first().waitFor();
        const stored = await signIn.evaluate(() => {
          const w = globalThis as unknown as BrowserWindow;
          return {
            session: w.sessionStorage.getItem('tally.console.session'),
            local: w.localStorage.length,
          };
        });
        expect(stored.session).toContain('"token":"ey');
        expect(stored.local).toBe(0);
        await screenshot(signIn, 'web-console-oidc');
        expect(outside.filter((u) => !u.startsWith('https://fonts.'))).toEqual([]);
      } finally {
        await web.proc.stop(5000);
      }
    } finally {
      await context.close();
      await provider.stop();
    }
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
