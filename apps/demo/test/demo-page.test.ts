/// <reference lib="dom" />
// The page.evaluate callbacks run in the browser, so this file sees DOM globals.
/**
 * The demo page in headless Chromium (Debian's package, driven by playwright-core), at a laptop's width
 * (1366 px) and a phone's (390 px): first load, a sample with warnings, the money panel of a USD, a JPY
 * and a KWD sample, Send to each provider, invalid JSON, a finished migration. Screenshots of each state
 * go to `apps/demo/test-results/`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDemo, startDemo } from '../src/demo-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = join(import.meta.dirname, '..', 'test-results');
const PROVIDERS = ['paid', 'flowglad', 'whop', 'chargeover', 'pelcro'] as const;

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does).`);
  }
  mkdirSync(RESULTS, { recursive: true });
  demo = await startDemo();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function openPage(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width > 800 ? 900 : 844 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(demo.url);
  await page.waitForSelector('body[data-ready="true"]');
  expect(errors).toEqual([]);
  return page;
}

const card = (page: Page, provider: string) => page.locator(`[data-provider="${provider}"].card`);
const moneyRow = (page: Page, provider: string) => page.locator(`#money tr[data-provider="${provider}"]`);
async function shot(page: Page, name: string, width: number) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(RESULTS, `${name}-${width}.png`), fullPage: true });
}

/** Picks a sample and waits until the page shows its mapping. */
async function pick(page: Page, sample: string) {
  const before = Number(await page.locator('body').getAttribute('data-mapped'));
  await page.getByTestId('sample-picker').selectOption(sample);
  await expect
    .poll(async () => Number(await page.locator('body').getAttribute('data-mapped')))
    .toBeGreaterThan(before);
  expect(await page.getByTestId('parse-status').textContent()).toMatch(/^Valid canonical/);
}

/** Nothing on the page is wider than the viewport: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe.each([1366, 390])('the demo page at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage(width);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('first load: five provider cards, a legend, the capability matrix with its legend', async () => {
    await expect.poll(() => page.locator('.card').count()).toBe(5);
    for (const name of PROVIDERS) {
      expect(await page.getByTestId('capabilities').locator('thead th', { hasText: name }).count()).toBe(1);
    }
    const legend = await page
      .locator('#capabilities-step .legend li')
      .evaluateAll((items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim()));
    expect(legend).toEqual([
      '✓ round-trips exactly',
      '≈ carried approximately, with a warning',
      '– not carried, with a warning',
    ]);
    // Each Send button has its own accessible name.
    const names = await page
      .locator('.card .send')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(5);
    await expectNoSidewaysScroll(page, width);
    await shot(page, 'first-load', width);
  });

  it('a sample with warnings: grouped by kind behind a count, the refusal amber, not red', async () => {
    await pick(page, 'tax-address');
    const paid = card(page, 'paid');
    await expect.poll(() => paid.getAttribute('data-state')).toBe('unsupported');
    const group = paid.locator('details.group[data-code="unsupported"]');
    expect(await group.getAttribute('open')).toBeNull(); // collapsed
    const count = Number(await group.locator('.count').textContent());
    const paths = await group
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-path')));
    expect(paths).toHaveLength(count);
    expect(paths).toContain('dueAt');
    await pick(page, 'one-off');
    // 2.5 × $29.95 = $74.875 has no whole-cent plan price at Whop: refused before sending.
    await expect.poll(() => card(page, 'whop').getAttribute('data-state')).toBe('refused');
    expect(await card(page, 'whop').locator('.pill').textContent()).toBe('refused');
    expect(
      await card(page, 'whop')
        .locator('.error')
        .evaluate((node) => getComputedStyle(node).borderLeftColor),
    ).toBe('rgb(181, 71, 8)'); // amber
    expect(await card(page, 'whop').locator('.send').isDisabled()).toBe(true);
    await expectNoSidewaysScroll(page, width);
    await shot(page, 'sample-with-warnings', width);
  });

  it('the money panel: USD, JPY and KWD in each provider’s own unit, exact only where it is', async () => {
    await pick(page, 'one-off');
    expect(await page.getByTestId('canonical-total').textContent()).toBe('224.88 USD');
    // Paid counts cents; ChargeOver and Whop major units; Pelcro folds 2.5 × $29.95 into one $74.88 line.
    await expect
      .poll(() => moneyRow(page, 'paid').locator('.wire-lines li').first().textContent())
      .toMatch(/^2\.5 × 2995 = 7487\.5/);
    expect(await moneyRow(page, 'chargeover').locator('.wire-lines li').first().textContent()).toMatch(
      /^2\.5 × 29\.95 = 74\.875/,
    );
    expect(await moneyRow(page, 'pelcro').locator('.wire-total').textContent()).toBe('22488');
    expect(await moneyRow(page, 'pelcro').locator('.wire-lines li').first().textContent()).toMatch(
      /^1 × 7488 = 7488/,
    );
    expect(await moneyRow(page, 'whop').getAttribute('data-exact')).toBe('refused');
    // Paid works 2.5 × 2995 out to 7487.5 cents itself: not exact, and the panel says why.
    expect(await moneyRow(page, 'paid').getAttribute('data-exact')).toBe('false');

    await pick(page, 'jpy');
    expect(await page.getByTestId('canonical-total').textContent()).toBe('4500 JPY');
    for (const name of PROVIDERS) {
      await expect.poll(() => moneyRow(page, name).locator('.wire-total').textContent()).toBe('4500');
      expect(await moneyRow(page, name).getAttribute('data-exact')).toBe('true');
    }

    await pick(page, 'kwd');
    expect(await page.getByTestId('canonical-total').textContent()).toBe('12.345 KWD');
    await expect.poll(() => moneyRow(page, 'paid').locator('.wire-total').textContent()).toBe('12345');
    expect(await moneyRow(page, 'paid').getAttribute('data-exact')).toBe('true');
    expect(await moneyRow(page, 'whop').locator('.wire-total').textContent()).toBe('12.345');
    expect(await moneyRow(page, 'whop').getAttribute('data-exact')).toBe('true');
    // Flowglad and Pelcro count KWD in hundredths: 12.345 KD has no exact form there.
    expect(await moneyRow(page, 'flowglad').locator('.wire-total').textContent()).toBe('1235');
    expect(await moneyRow(page, 'flowglad').getAttribute('data-exact')).toBe('false');
    expect(await moneyRow(page, 'pelcro').locator('.wire-total').textContent()).toBe('1235');
    expect(await moneyRow(page, 'pelcro').getAttribute('data-exact')).toBe('false');
    await expectNoSidewaysScroll(page, width);
    await page.locator('#money').screenshot({ path: join(RESULTS, `money-kwd-${width}.png`) });
  });

  it('after Send to each provider: green where created, every difference explained, webhooks arrive', async () => {
    await pick(page, 'jpy');
    for (const name of PROVIDERS) {
      const result = card(page, name).locator('.result');
      await card(page, name).locator('.send').click();
      await expect.poll(() => result.getAttribute('data-status')).toMatch(/^(done|refused|failed)$/);
      expect(await result.getAttribute('data-status')).toBe('done');
      expect(await result.getByTestId('send-summary').textContent()).toMatch(/^Created \S+ on /);
      expect(await result.getByTestId('send-summary').evaluate((node) => getComputedStyle(node).color)).toBe(
        'rgb(6, 118, 71)',
      ); // green
      expect(await result.locator('tr[data-verdict="unexpected"]').count()).toBe(0);
      const mapped = JSON.parse((await result.locator('.mapped-back').textContent()) ?? '{}');
      expect(mapped.currency).toBe('JPY');
      expect(mapped.lines.map((l: { unitAmount: number }) => l.unitAmount)).toEqual([1500]);
    }
    // Whop, ChargeOver, Pelcro and Paid announce a created invoice; Flowglad sends payment events only.
    const events = page.getByTestId('events');
    for (const name of ['paid', 'whop', 'chargeover', 'pelcro']) {
      await expect
        .poll(() => events.locator(`li[data-provider="${name}"][data-type="invoice.created"]`).count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    }
    expect(await page.getByTestId('announcer').textContent()).toMatch(/^Created /);
    await expectNoSidewaysScroll(page, width);
    await shot(page, 'after-send', width);
  });

  it('invalid JSON clears every card and disables Send; an invalid document lists its issues', async () => {
    await page.getByTestId('editor').fill('{ "currency": "USD", ');
    await expect.poll(() => page.getByTestId('parse-status').textContent()).toMatch(/^Not JSON yet/);
    for (const name of PROVIDERS) {
      expect(await card(page, name).locator('.send').isDisabled()).toBe(true);
      expect(await card(page, name).locator('.request').textContent()).toBe('');
      expect(await card(page, name).locator('.result').textContent()).toBe('');
    }
    expect(await page.locator('#money').textContent()).toBe('');
    await expectNoSidewaysScroll(page, width);
    await shot(page, 'invalid-json', width);

    await page.getByTestId('sample-picker').selectOption('invalid');
    await expect.poll(() => page.getByTestId('parse-status').textContent()).toContain('Invalid');
    const paths = await page
      .getByTestId('parse-issues')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-path')));
    expect(paths).toEqual(expect.arrayContaining(['currency', 'customer', 'dueAt', 'lines[0].unitAmount']));
    expect(await card(page, 'whop').locator('.pill').textContent()).toBe('refused');
    expect(await card(page, 'whop').locator('.send').isDisabled()).toBe(true);
  });

  it('a migration: Run disabled while it runs, progress as a chart, outcomes in words', async () => {
    await page.getByTestId('migration-source').selectOption('flowglad');
    await page.getByTestId('migration-target').selectOption('chargeover');
    await page.getByTestId('migration-count').fill('40');
    const run = page.getByTestId('migration-run');
    await run.click();
    expect(await run.isDisabled()).toBe(true);
    await page.getByTestId('migration-done').waitFor({ timeout: 90_000 });
    expect(await run.isDisabled()).toBe(false);
    expect(await page.getByTestId('migration-done').textContent()).toBe('Migration finished: 40 created.');
    const outcomes = await page
      .getByTestId('migration-outcomes')
      .locator('li')
      .evaluateAll((items) =>
        items.map((li) => [
          li.querySelector('.outcome-label')?.textContent,
          li.querySelector('.outcome-count')?.textContent,
        ]),
      );
    expect(outcomes).toContainEqual(['Created', '40']);
    expect(outcomes.map(([label]) => label)).not.toContain('missingReferences');
    expect(await page.getByTestId('migration-chart').locator('polyline').count()).toBe(1);
    // Every created invoice compared with its source on the target, as `billbridge verify` does.
    expect(await page.getByTestId('migration-verify').textContent()).toBe(
      'Verified on the target: 40 match, 0 differ.',
    );
    expect(
      await page.getByTestId('migration-summary').locator('summary', { hasText: 'of 40 shown' }).count(),
    ).toBe(1);
    await expectNoSidewaysScroll(page, width);
    await shot(page, 'migration-finished', width);
  });
});
