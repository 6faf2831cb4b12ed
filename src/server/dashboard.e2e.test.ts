/**
 * The dashboard end to end in real headless Chromium (Debian `chromium`, driven by playwright-core): a server on
 * a random 127.0.0.1 port over a temporary DuckDB seeded with the sample corpus. Each test saves a screenshot
 * to artifacts/. Without /usr/bin/chromium the tests skip with the reason — unless RIPOSTE_REQUIRE_BROWSER=1
 * (CI), where they fail.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildDashboard, type Running, startServer } from './start.ts';
import { isBuilt } from './static.ts';

// browser globals used inside page.evaluate callbacks (this file is type-checked without the DOM library)
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };
declare const location: { hash: string };
declare function getComputedStyle(el: unknown): { textDecorationLine: string; backgroundColor: string };

const CHROMIUM = process.env.RIPOSTE_CHROMIUM ?? '/usr/bin/chromium';
const REQUIRED = process.env.RIPOSTE_REQUIRE_BROWSER === '1';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(REPO, 'artifacts');
const SEED = join(process.env.SHARED_DIR ?? join(REPO, '..', 'shared'), 'seed', '000_b682c74007a363c0.txt');

const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && REQUIRED) {
  it('Chromium is installed (RIPOSTE_REQUIRE_BROWSER=1)', () => {
    assert.fail(`expected Chromium at ${CHROMIUM}, found nothing: apt-get install -y chromium`);
  });
}
const skip = haveBrowser
  ? false
  : `no Chromium at ${CHROMIUM} (apt-get install -y chromium to run the dashboard tests)`;
if (skip) console.log(`# skipping the dashboard tests: ${skip}`);

describe('dashboard in headless Chromium', { skip }, () => {
  let server: Running;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const errors: string[] = [];

  before(async () => {
    if (!isBuilt()) assert.ok(buildDashboard(), 'the dashboard builds (vite build)');
    dir = mkdtempSync(join(tmpdir(), 'riposte-e2e-'));
    server = await startServer({ db: join(dir, 'e2e.duckdb'), port: 0, samples: true, build: false });
    const { chromium } = await import('playwright-core');
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
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  // charts re-lay themselves out after a resize: give the page up to 3 s to settle before judging its width
  const fitsWidth = () =>
    page
      .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, null, {
        timeout: 3000,
      })
      .then(
        () => true,
        () => false,
      );

  it('loads the dashboard with the store summary and no script errors', async () => {
    await page.goto(server.url);
    await page.waitForSelector('#store-info:not(:empty)');
    assert.match((await page.textContent('#store-info')) ?? '', /\d+ documents · \d+ events/);
    assert.equal(await page.getAttribute('nav a[data-view="read"]', 'aria-current'), 'page');
    assert.deepEqual(errors, []);
  });

  it('codes the seed article through the UI and shows the Russian expulsion as negated', async (t) => {
    if (!existsSync(SEED)) {
      t.skip(`the seed article is not here (${SEED})`);
      return;
    }
    await page.goto(`${server.url}#/read`);
    await page.fill('textarea[name="text"]', readFileSync(SEED, 'utf8'));
    await page.fill('input[name="date"]', '2016-12-30');
    await page.click('button[data-action="code"]');
    await page.waitForSelector('.read-cards .card');
    const negated = page.locator('.card[data-modality="negated"][data-code="161"]');
    assert.ok((await negated.count()) >= 1, 'a negated 161 card');
    const card = negated.first();
    assert.match((await card.locator('.card__triple').textContent()) ?? '', /RUS/);
    assert.match((await card.locator('.badge').textContent()) ?? '', /negated/);
    // visibly distinct: a struck-through action name and the negated colour on the badge
    const deco = await card
      .locator('.action__name')
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    assert.match(deco, /line-through/);
    const asserted = page.locator('.card[data-modality="asserted"] .badge').first();
    const bg = async (l: typeof asserted) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(await bg(card.locator('.badge')), await bg(asserted));
    // its trigger is highlighted as negated in the text; "why" shows the evidence and the rule
    assert.ok((await page.locator('.article-body mark.hl-trigger--negated').count()) >= 1);
    assert.ok((await page.locator('.article-body .hl-quote').count()) >= 1, 'quotes highlighted');
    assert.ok((await page.locator('.article-body mark.hl-actor').count()) >= 3, 'actors highlighted');
    await card.locator('summary').click();
    assert.match((await card.locator('.rule').first().textContent()) ?? '', /\S/);
    assert.match((await card.locator('.evidence').textContent()) ?? '', /expel/i);
    // and who and what as written: some card names the phrase an action was done to
    assert.ok(
      (await page.locator('.read-cards .why dt', { hasText: 'Done to' }).count()) >= 1,
      'objects shown',
    );
    await card.scrollIntoViewIfNeeded();
    await shot('read');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.ok(await fitsWidth(), 'the read view fits a phone width');
    await shot('read-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(errors, []);
  });

  it('opens a stored document with its highlights and a non-asserted event in focus', async () => {
    const api = async (q: string) =>
      (
        (await (await fetch(`${server.url}api/events?${q}&limit=1`)).json()) as {
          events: { id: string; doc: string }[];
        }
      ).events[0];
    const e = (await api('modality=negated')) ?? (await api('modality=proposed')) ?? (await api('limit=1'));
    assert.ok(e, 'an event in the sample corpus');
    await page.goto(`${server.url}#/read?doc=${encodeURIComponent(e.doc)}&event=${encodeURIComponent(e.id)}`);
    await page.waitForSelector('.read-cards .card.card--focus');
    assert.equal(await page.getAttribute('.card--focus', 'data-event'), e.id);
    assert.ok(await page.locator('.card--focus details[open]').count(), 'its "why" is open');
    assert.ok((await page.locator('.article-body mark.hl-trigger').count()) >= 1);
    await page
      .locator('.read-result')
      .evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await shot('read-stored');
    assert.deepEqual(errors, []);
  });

  it('filters events, sorts them and drills down to the sentence', async () => {
    await page.goto(`${server.url}#/events`);
    await page.waitForSelector('.events-table tbody tr.ev');
    const all = Number(/(\d+) events/.exec((await page.textContent('.table-summary')) ?? '')?.[1]);
    assert.ok(all > 0);
    await page.selectOption('select[name="modality"]', 'asserted');
    await page.selectOption('select[name="quad"]', '4');
    await page.click('form.filters button[type="submit"]');
    await page.waitForFunction(() => location.hash.includes('quad=4'));
    await page.waitForSelector('.events-table tbody tr.ev, .table-box .notice');
    const rows = page.locator('.events-table tbody tr.ev');
    const n = await rows.count();
    assert.ok(n > 0 && n < all, `filtered ${n} of ${all}`);
    for (const q of await page.locator('.events-table tbody tr.ev .quad').allTextContents())
      assert.equal(q, 'Q4');
    for (const m of await page.locator('.events-table tbody tr.ev .badge').allTextContents())
      assert.match(m, /asserted/);
    // sort by Goldstein, descending after a second activation
    await page.click('th a.sort:has-text("Goldstein")');
    await page.waitForFunction(() => location.hash.includes('sort=goldstein'));
    await page.click('th a.sort:has-text("Goldstein")');
    await page.waitForFunction(() => location.hash.includes('dir=desc'));
    await page.waitForSelector('th[aria-sort="descending"]');
    // the export link carries the filter
    const exportHref = (await page.getAttribute('a[data-action="export"]', 'href')) ?? '';
    assert.match(exportHref, /quad=4/);
    assert.match(exportHref, /modality=asserted/);
    const res = await page.request.get(new URL(exportHref, server.url).toString());
    assert.equal(res.status(), 200);
    assert.equal((await res.text()).trim().split('\n').length, n + 1);
    // drill down by keyboard
    await page.focus('.events-table tbody tr.ev td button');
    await page.keyboard.press('Enter');
    const detail = page.locator('.events-table tbody tr.detail:not([hidden])').first();
    await detail.waitFor();
    assert.match((await detail.textContent()) ?? '', /rule/);
    await shot('events');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.ok(await fitsWidth(), 'the events view fits a phone width (the table scrolls inside its box)');
    await shot('events-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.deepEqual(errors, []);
  });

  it('opens a dyad and shows its timeline, responses, reciprocity and alerts', async () => {
    const top = (await (await fetch(`${server.url}api/reciprocity?top=1`)).json()) as {
      pairs: { a: string; b: string }[];
    };
    const pair = top.pairs[0];
    assert.ok(pair, 'a dyad in the sample corpus');
    await page.goto(`${server.url}#/dyad?a=${pair.a}&b=${pair.b}&by=month`);
    await page.waitForSelector('.chart[data-points] canvas');
    assert.ok(Number(await page.getAttribute('.chart', 'data-points')) > 0);
    await page.waitForSelector('.pair-list');
    assert.equal(await page.locator('.pair-list').count(), 2);
    await page.waitForSelector('.recip table');
    await page.waitForSelector('.alerts .alert-list, .alerts .notice');
    assert.match((await page.textContent('.dyad-head h2')) ?? '', new RegExp(`${pair.a}.*${pair.b}`));
    await page.waitForTimeout(200);
    await shot('dyad');
    // zooming the timeline (mouse wheel: the 'inside' zoom) re-filters the response lists to the zoomed period
    const box = await page.locator('.chart canvas').first().boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await page.waitForFunction(() =>
      (
        (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
        ).document.querySelector('.zoom-info')?.textContent ?? ''
      ).includes('Zoomed to'),
    );
    assert.deepEqual(errors, []);
  });

  it('opens the network and follows an edge to its dyad', async () => {
    await page.goto(`${server.url}#/network`);
    await page.waitForSelector('.chart--network[data-edges] canvas');
    assert.ok(Number(await page.getAttribute('.chart--network', 'data-edges')) > 0);
    await page.waitForSelector('.edge-table a[data-edge]');
    await page.waitForTimeout(600);
    await shot('network');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.ok(await fitsWidth(), 'the network view fits a phone width');
    await page.setViewportSize({ width: 1280, height: 800 });
    const link = page.locator('.edge-table a[data-edge]').first();
    const s = (await link.getAttribute('data-source')) ?? '';
    const tg = (await link.getAttribute('data-target')) ?? '';
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/dyad'));
    assert.match(
      await page.evaluate(() => location.hash),
      new RegExp(`a=${encodeURIComponent(s).replace(/[-]/g, '\\-')}`),
    );
    await page.waitForSelector('.dyad-head h2');
    assert.match((await page.textContent('.dyad-head h2')) ?? '', new RegExp(tg.replace(/[-]/g, '\\-')));
    assert.deepEqual(errors, []);
  });
});
