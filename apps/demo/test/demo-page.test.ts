/**
 * The demo page in headless Chromium (Debian's package, driven by playwright-core): pick a sample, see a
 * lossy provider's warning, send to two fakes and read the mapped-back result, run a migration.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDemo, startDemo } from '../src/demo-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = join(import.meta.dirname, '..', 'test-results');

let demo: RunningDemo;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does).`);
  }
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
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(demo.url);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const card = (provider: string) => page.locator(`[data-provider="${provider}"]`);

describe('the demo page', () => {
  it('shows every provider and the capability table', async () => {
    await expect.poll(() => page.locator('.card').count()).toBe(5);
    const table = page.getByTestId('capabilities');
    for (const name of ['paid', 'flowglad', 'whop', 'chargeover', 'pelcro']) {
      expect(await table.locator('th', { hasText: name }).count()).toBe(1);
    }
  });

  it('maps a sample for all five and highlights a lossy provider’s warning at its path', async () => {
    await page.getByTestId('sample-picker').selectOption('tax-address');
    await expect
      .poll(() => page.getByTestId('parse-status').textContent())
      .toContain('Valid canonical invoice');
    // Paid creates orders: the invoice's tax and due date have no place there.
    const paidWarnings = card('paid').locator('.warnings li');
    await expect.poll(() => paidWarnings.count()).toBeGreaterThan(0);
    const paths = await paidWarnings.evaluateAll((items) => items.map((li) => li.getAttribute('data-path')));
    expect(paths).toContain('dueAt');
    expect(await card('paid').locator('.badge').textContent()).toMatch(/warning/);
    expect(await card('chargeover').locator('.request').textContent()).toContain('"line_rate"');
  });

  it('sends to two fakes and shows the mapped-back result', async () => {
    await page.getByTestId('sample-picker').selectOption('one-off');
    await expect.poll(() => card('chargeover').locator('.request').textContent()).toContain('29.95');
    for (const provider of ['chargeover', 'pelcro']) {
      await card(provider).locator('.send').click();
      await card(provider).locator('.result[data-status="done"]').waitFor();
      const summary = await card(provider).getByTestId('send-summary').textContent();
      expect(summary).toMatch(/^Created /);
      const mapped = JSON.parse((await card(provider).locator('.mapped-back').textContent()) ?? '{}');
      expect(mapped.currency).toBe('USD');
      // 2.5 × $29.95 and one $150.00 line keep every cent through the provider and back. Pelcro takes
      // whole quantities only, so its first line comes back as 1 × $74.88, the line's exact amount.
      const units = mapped.lines.map((l: { quantity: number; unitAmount: number }) => [
        l.quantity,
        l.unitAmount,
      ]);
      expect(units).toEqual(
        provider === 'pelcro'
          ? [
              [1, 7488],
              [1, 15000],
            ]
          : [
              [expect.anything(), 2995],
              [1, 15000],
            ],
      );
    }
  });

  it('reports every problem of an invalid document at its path', async () => {
    await page.getByTestId('sample-picker').selectOption('invalid');
    await expect.poll(() => page.getByTestId('parse-status').textContent()).toContain('Invalid');
    const paths = await page
      .getByTestId('parse-issues')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-path')));
    expect(paths).toEqual(expect.arrayContaining(['currency', 'customer', 'dueAt', 'lines[0].unitAmount']));
    expect(await card('whop').locator('.badge').textContent()).toBe('refused');
  });

  it('runs a small migration to completion', async () => {
    await page.getByTestId('migration-source').selectOption('flowglad');
    await page.getByTestId('migration-target').selectOption('chargeover');
    await page.getByTestId('migration-count').fill('40');
    await page.getByTestId('migration-run').click();
    await page.getByTestId('migration-done').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('migration-done').textContent()).toBe('Migration finished: 40 created.');
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'demo.png'), fullPage: true });
  });
});
