import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { periodOf } from '@tally/billing-time';
import type { Browser, Page } from 'playwright-core';
import { BASIC_30, billingApi, nextPhone } from './support/billing-api';
import { launchChromium } from './support/chromium';
import { createTestStack, gql, type RunningService } from './support/test-stack';
import { signInAs, startWebConsole } from './support/web-console';

const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const OCT = '2026-10';
const SEOUL = 'Asia/Seoul';
const SETTLED_WITHIN_MS = 60_000;
const FORBIDDEN_WORDING = 'Not allowed: the role you signed in with cannot see or change this.';
/** Kim, Park and the fillers: more invoices than the console's page of 20. */
const FILLERS = 19;
const CSV_HEADER =
  'number,period,issuedAt,userId,userName,baseFee,overageCharge,adjustmentTotal,total';

interface ApiInvoice {
  number: string;
  period: string;
  issuedAt: string;
  total: number;
  userId: string;
  user: { name: string };
  bill: {
    baseFee: number;
    overageCharge: number;
    adjustmentTotal: number;
  };
}

const INVOICE_FIELDS = `number period issuedAt total userId user { name }
  bill { baseFee overageCharge adjustmentTotal }`;
const INVOICES = `query ($p: String!, $after: String) { invoices(period: $p, first: 100, after: $after) {
  edges { node { ${INVOICE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

interface InvoicesAnswer {
  invoices: {
    edges: Array<{ node: ApiInvoice }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every invoice of `period` by number, as the API gives it (what the console must show). */
async function apiInvoices(gatewayUrl: string, period: string): Promise<ApiInvoice[]> {
  const out: ApiInvoice[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { data?: InvoicesAnswer; errors?: unknown } = await gql<InvoicesAnswer>(
      gatewayUrl,
      INVOICES,
      { p: period, after },
    );
    if (!res.data) throw new Error(`invoices: ${JSON.stringify(res.errors)}`);
    out.push(...res.data.invoices.edges.map((e) => e.node));
    if (!res.data.invoices.pageInfo.hasNextPage) return out;
    after = res.data.invoices.pageInfo.endCursor;
  }
}

/** As the console writes money (web/src/format/money.ts). */
const won = (amount: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KRW' }).format(amount);
/** As the console writes instants, in the browser's (Seoul) time zone. */
const seoulTime = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: SEOUL,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
/** RFC 4180: records of fields, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (quoted && c === '"' && text[at + 1] === '"') {
      field += '"';
      at++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[at + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      at++;
    } else field += c;
  }
  if (field || record.length) throw new Error('the CSV does not end with CRLF');
  return records;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The month before this one, in Seoul like the browser below: the Invoices page's default. */
function previousPeriodInSeoul(): string {
  const [y, m] = periodOf(new Date(), SEOUL).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

describe('invoices in the web console, in a real browser', () => {
  // Periods close only by closePeriod (as every e2e stack now has it; said here too, since
  // this file depends on it).
  const stack = createTestStack({ env: { BILLING_AUTO_CLOSE: 'false' } });
  let gateway: RunningService;
  let consoleUrl: string;
  let stopConsole: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  const kim = { id: '', name: 'Kim Invoice', phone: nextPhone() };
  const park = { id: '', name: 'Park, "PJ"\nJiwoo', phone: nextPhone() };
  /** Kim's October invoice as the API gives it, once closed, and its place in the list. */
  let kimInvoice: ApiInvoice;
  let kimIndex: number;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ gateway } = await stack.startAll());
    const web = await startWebConsole(gateway.url, { issuerUrl: stack.issuerUrl });
    consoleUrl = web.url;
    stopConsole = () => web.proc.stop(5000);
    const context = await browser.newContext({
      timezoneId: SEOUL,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();

    // BASIC-30 from 2026-10-01 for everyone; Kim uses 1200 MB in October (worked example 1's
    // data: 200 MB over, ₩4,000), Park nothing.
    const api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    kim.id = await api.signUp(kim.name, kim.phone);
    park.id = await api.signUp(park.name, park.phone);
    const fillers = await Promise.all(
      Array.from({ length: FILLERS }, (_, i) => api.signUp(`Filler ${i + 1}`, nextPhone())),
    );
    await Promise.all(
      [kim.id, park.id, ...fillers].map((id) =>
        api.subscribe(id, 'BASIC-30', '2026-10-01T00:00:00+09:00'),
      ),
    );
    await api.recordUsages([
      {
        id: `${stack.tag}-k1`,
        userId: kim.id,
        type: 'DATA',
        amount: 600,
        occurredAt: '2026-10-05T10:00:00+09:00',
      },
      {
        id: `${stack.tag}-k2`,
        userId: kim.id,
        type: 'DATA',
        amount: 600,
        occurredAt: '2026-10-12T21:30:00+09:00',
      },
    ]);
    // Settled before the close, so that every one of them is invoiced from what it holds.
    await Promise.all([
      api.waitForBill(kim.id, OCT, (b) => b.total === 34000, SETTLED_WITHIN_MS),
      ...[park.id, ...fillers].map((id) =>
        api.waitForBill(id, OCT, (b) => b.total === 30000, SETTLED_WITHIN_MS),
      ),
    ]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stopConsole?.();
    await stack.stopAll();
  });

  it('closes October from the Invoices page as admin, then lists its invoices by number, a page at a time', async () => {
    await signInAs(page, consoleUrl, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Invoices' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
    // The period that ended last, by default.
    expect(await page.getByRole('textbox', { name: /^Period / }).inputValue()).toBe(
      previousPeriodInSeoul(),
    );

    // This month has not ended: the API says so, in its words.
    const now = periodOf(new Date(), SEOUL);
    await page.getByRole('textbox', { name: /^Period / }).fill(now);
    const close = page.getByRole('form', { name: 'Close a period' });
    await close.getByRole('heading', { name: `Close ${now}` }).waitFor();
    await close.getByRole('button', { name: 'Close period…' }).click();
    await close.getByRole('button', { name: `Yes, close ${now}` }).click();
    await close
      .getByRole('alert')
      .filter({ hasText: `Period ${now} has not ended: it may be closed from` })
      .waitFor();

    await page.getByRole('textbox', { name: /^Period / }).fill(OCT);
    await page.getByText(`No invoices for ${OCT}: it is not closed yet`).waitFor();
    // Asked to confirm; cancelling closes nothing.
    await close.getByRole('button', { name: 'Close period…' }).click();
    await close
      .getByRole('group', { name: 'Confirm closing' })
      .getByText('This cannot be undone.')
      .waitFor();
    await close.getByRole('button', { name: 'Cancel' }).click();
    expect(await apiInvoices(gateway.url, OCT)).toEqual([]);
    await close.getByRole('button', { name: 'Close period…' }).click();
    await close.getByRole('button', { name: `Yes, close ${OCT}` }).click();
    const invoices = FILLERS + 2;
    await close
      .getByRole('status')
      .filter({ hasText: `Closed ${OCT}: ${invoices} invoices issued.` })
      .waitFor({ timeout: SETTLED_WITHIN_MS });

    const issued = await apiInvoices(gateway.url, OCT);
    expect(issued.map((i) => i.number)).toEqual(
      Array.from({ length: invoices }, (_, i) => `INV-202610-${String(i + 1).padStart(6, '0')}`),
    );
    kimIndex = issued.findIndex((i) => i.userId === kim.id);
    kimInvoice = issued[kimIndex]!;
    const list = page.getByRole('region', { name: 'Invoices of the period' });
    const rows = list.getByRole('row').filter({ has: page.getByRole('cell') });
    const shown = async () =>
      Promise.all((await rows.all()).map((row) => row.getByRole('cell').allInnerTexts()));
    // Number, customer, total, issued at: what the API says, as the console writes it.
    const asRow = (i: ApiInvoice) => [
      i.number,
      i.user.name.replace('\n', ' '),
      won(i.total),
      seoulTime(i.issuedAt),
    ];
    await list.getByRole('cell', { name: issued[0]!.number }).waitFor();
    expect(await shown()).toEqual(issued.slice(0, 20).map(asRow));
    await list.getByRole('button', { name: 'Next page' }).click();
    await list.getByRole('cell', { name: issued[20]!.number }).waitFor();
    expect(await shown()).toEqual(issued.slice(20).map(asRow));
    await list.getByRole('button', { name: 'Previous page' }).click();
    await list.getByRole('cell', { name: issued[0]!.number }).waitFor();

    // Closing again changes nothing, and says so.
    await close.getByRole('button', { name: 'Close period…' }).click();
    await close.getByRole('button', { name: `Yes, close ${OCT}` }).click();
    await close
      .getByRole('status')
      .filter({ hasText: `${OCT} was already closed, with ${invoices} invoices.` })
      .waitFor();
    await screenshot(page, 'invoices-list');
  });

  it('shows an invoice ready to print: header, lines, usage, adjustments, total; on paper without the console', async () => {
    const list = page.getByRole('region', { name: 'Invoices of the period' });
    if (kimIndex >= 20) await list.getByRole('button', { name: 'Next page' }).click();
    await list.getByRole('link', { name: kimInvoice.number }).click();
    const sheet = page.getByRole('article', { name: `Invoice ${kimInvoice.number}` });
    await sheet.getByRole('heading', { level: 1, name: `Invoice ${kimInvoice.number}` }).waitFor();
    const facts = await sheet.locator('.invoice-head dl > div').allInnerTexts();
    expect(facts.map((f) => f.replace('\n', ': '))).toEqual([
      `Period: ${OCT}`,
      `Issued at: ${seoulTime(kimInvoice.issuedAt)}`,
      `Customer: ${kim.name}`,
      `Phone: +82${kim.phone.replace(/-/g, '').slice(1)}`,
      `Customer id: ${kim.id}`,
    ]);

    // Worked example 1's figures (billing-rules.md): 200 MB over at ₩20, ₩34,000 in all.
    expect(kimInvoice.total).toBe(34000);
    expect(
      await sheet
        .getByRole('row', { name: /Basic 30 \(BASIC-30\)/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual([
      'Basic 30 (BASIC-30)',
      '31',
      '₩30,000',
      '1,000 MB\n6,000 s\n100 SMS',
      '1,200 MB\n0 s\n0 SMS',
      '200 MB\n0 s\n0 SMS',
      '₩4,000',
    ]);
    expect(
      await sheet
        .getByRole('region', { name: 'Usage' })
        .getByRole('row', { name: /^Data / })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual(['Data', '1,200 MB', '0 MB']);
    await sheet.getByRole('region', { name: 'Adjustments' }).getByText('None.').waitFor();
    const due = await sheet
      .getByRole('region', { name: 'Amount due' })
      .locator('dl > div')
      .allInnerTexts();
    expect(due.map((d) => d.replace('\n', ': '))).toEqual([
      'Base fees: ₩30,000',
      'Overage charges: ₩4,000',
      'Adjustments: ₩0',
      'Total: ₩34,000',
    ]);
    await page.getByRole('button', { name: 'Print' }).waitFor();

    // On paper (A4's width at 96 dpi): the sheet alone, black on white.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.getByText('Signed in as admin').isVisible()).toBe(false);
      for (const button of await page.getByRole('button').all())
        expect(await button.isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: /← Invoices for/ }).isVisible()).toBe(false);
      expect(await sheet.getByTestId('invoice-total').isVisible()).toBe(true);
      const ink = await sheet.getByTestId('invoice-total').evaluate((el) => {
        const style = (
          globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }
        ).getComputedStyle(el);
        return style.color;
      });
      expect(ink).toBe('rgb(0, 0, 0)');
      await screenshot(page, 'invoice-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it("downloads the period's invoices as CSV, streamed by the console server as the caller", async () => {
    await page.getByRole('link', { name: `← Invoices for ${OCT}` }).click();
    const list = page.getByRole('region', { name: 'Invoices of the period' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      list.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`invoices-${OCT}.csv`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(CSV_HEADER);
    // A name with a comma, quotes and a line break stays one field.
    expect(text).toContain(',"Park, ""PJ""\nJiwoo",');
    const issued = await apiInvoices(gateway.url, OCT);
    expect(parseCsv(text)).toEqual([
      CSV_HEADER.split(','),
      ...issued.map((i) => [
        i.number,
        i.period,
        i.issuedAt,
        i.userId,
        i.user.name,
        String(i.bill.baseFee),
        String(i.bill.overageCharge),
        String(i.bill.adjustmentTotal),
        String(i.total),
      ]),
    ]);

    // The export asks the gateway as the caller: no token, or one without bills:read, is refused.
    const exportUrl = `${consoleUrl}/exports/invoices.csv?period=${OCT}`;
    const anonymous = await fetch(exportUrl);
    expect(anonymous.status).toBe(401);
    const subscriber = await fetch(exportUrl, {
      headers: { authorization: `Bearer ${await stack.token('subscriber', kim.id)}` },
    });
    expect(subscriber.status).toBe(403);
    expect(await subscriber.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it("charges late October usage on this month's bill as an adjustment for 2026-10", async () => {
    // Recorded now, for October, after October closed: late.
    await billingApi(gateway.url).recordUsages([
      {
        id: `${stack.tag}-late`,
        userId: kim.id,
        type: 'DATA',
        amount: 100,
        occurredAt: '2026-10-20T12:00:00+09:00',
      },
    ]);
    await page.goto(`${consoleUrl}/#/users/${encodeURIComponent(kim.id)}`);
    await page.getByRole('heading', { level: 1, name: kim.name }).waitFor();
    expect(await page.getByLabel('Month').inputValue()).toBe(periodOf(new Date(), SEOUL));
    const bill = page.getByRole('region', { name: 'Bill' });
    // Worked example 5 (billing-rules.md): October with every record known owes ₩36,000, its
    // invoice charged ₩34,000, so +₩2,000 here, on top of this month's own ₩30,000.
    const adjustment = bill
      .getByRole('table', { name: 'Adjustments' })
      .getByRole('row', { name: new RegExp(`^${OCT} `) });
    await adjustment.waitFor({ timeout: SETTLED_WITHIN_MS });
    expect(await adjustment.getByRole('cell').allInnerTexts()).toEqual([
      OCT,
      '100 MB\n0 s\n0 SMS',
      '₩2,000',
    ]);
    expect(await bill.getByTestId('adjustment-total').innerText()).toBe('₩2,000');
    await bill.getByTestId('bill-total').filter({ hasText: '₩32,000' }).waitFor();
    expect(await bill.getByTestId('bill-status').innerText()).toBe('OPEN');
    await screenshot(page, 'invoices-late-usage-bill');

    // October itself is closed, with its invoice, and did not change.
    await page.getByLabel('Month').fill(OCT);
    await bill.getByTestId('bill-status').filter({ hasText: 'CLOSED' }).waitFor();
    await bill.getByTestId('bill-invoice').getByRole('link', { name: kimInvoice.number }).waitFor();
    expect(await bill.getByTestId('bill-total').innerText()).toBe(won(kimInvoice.total));
  });

  it("shows a subscriber their own bill's status and invoice, but not the Invoices page", async () => {
    await signInAs(page, consoleUrl, 'subscriber', kim.id);
    await page.getByRole('heading', { level: 1, name: kim.name }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual([
      'My account',
      'Plans',
      'Playground',
    ]);
    await page.getByLabel('Month').fill(OCT);
    const bill = page.getByRole('region', { name: 'Bill' });
    await bill.getByTestId('bill-status').filter({ hasText: 'CLOSED' }).waitFor();
    await bill.getByRole('link', { name: kimInvoice.number }).click();
    const sheet = page.getByRole('article', { name: `Invoice ${kimInvoice.number}` });
    await sheet
      .getByTestId('invoice-total')
      .filter({ hasText: won(kimInvoice.total) })
      .waitFor();
    await page.getByRole('link', { name: '← Account' }).waitFor();

    // Someone else's invoice is the API's to refuse; the invoices list is not offered at all.
    const parkInvoice = (await apiInvoices(gateway.url, OCT)).find((i) => i.userId === park.id)!;
    await page.goto(`${consoleUrl}/#/invoice/${parkInvoice.number}`);
    await page.getByRole('alert').filter({ hasText: FORBIDDEN_WORDING }).waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
    await page.goto(`${consoleUrl}/#/invoices/${OCT}`);
    await page
      .getByRole('note')
      .filter({
        hasText:
          'Listing the invoices needs the bills:read permission, which your role (subscriber) does not have.',
      })
      .waitFor();
    await page.getByText('Closing a period needs the bills:close permission').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(0);
  });

  it('shows an agent the invoices, but not closing a period', async () => {
    await signInAs(page, consoleUrl, 'agent');
    await page.goto(`${consoleUrl}/#/invoices/${OCT}`);
    const first = (await apiInvoices(gateway.url, OCT))[0]!;
    await page
      .getByRole('region', { name: 'Invoices of the period' })
      .getByRole('link', { name: first.number })
      .waitFor();
    await page
      .getByRole('note')
      .filter({
        hasText:
          'Closing a period needs the bills:close permission, which your role (agent) does not have.',
      })
      .waitFor();
    expect(await page.getByRole('form', { name: 'Close a period' }).count()).toBe(0);
  });
});
