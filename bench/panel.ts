/**
 * Benchmark of the Tokens panel (issue 4 §5) in real Chromium: the panel built as a page (the harness,
 * `vite build --mode harness`) is given a tab state of 10,000 exchanges (2,500 generated logins, see
 * loginExchanges) analysed by the engine in this process, and the script times (in the page, `performance.now()` to the next painted frame; the state is handed to the
 * page before the clock starts, as a port message is deserialised before the panel's code runs):
 * - the first render of that state into an empty panel (target: at most 200 ms), and
 * - one keystroke in the filter box ('a', which most flows and requests match), the list re-filtered and
 *   painted (target: at most 50 ms),
 * each against the same measurement with a 100-exchange state in the same page load (the baseline), over
 * `BENCH_PANEL_ROUNDS` rounds (10), each in a fresh page. Also checks that the request list is virtualised (far
 * fewer rows in the DOM than exchanges). Then (issue 10 §4) the first render of a pasted ID token that holds a
 * claim of `BENCH_PANEL_LONG_CHARS` characters (30 MB), Flows view, against the same token with a 100-character
 * claim, and how much text the panel holds then (long values are cut until "show all"). Prints JSON lines like
 * the other benches; reports, never asserts the times. `E2E_SKIP_BUILD=1` reuses the harness build;
 * `BENCH_PANEL_PARTS=many` or `=long` runs only one of the two.
 */
import { chromium, type Page } from '@playwright/test';
import type { TabState } from '../src/shared/protocol.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/support/browsers.js';
import { buildHarness, HARNESS_DIR, HARNESS_PAGE } from '../test/panel/support/harness-build.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importHar, type Exchange } from '../src/core/index.js';
import { ROOT } from '../test/e2e/support/root.js';
import { tabState } from '../test/panel/support/states.js';
import { generateHar } from './har-generate.js';
import { serveDir } from '../test/panel/support/static-server.js';
import { median, report } from './measure.js';
import { longClaimState } from '../test/panel/support/long-claim-state.js';

const ROUNDS = Number(process.env.BENCH_PANEL_ROUNDS ?? 10);
const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const BIG = 10_000;
const SMALL = 100;
const LONG_CHARS = Number(process.env.BENCH_PANEL_LONG_CHARS ?? 30_000_000);
const SHORT_CHARS = 100;

/** Renders `state` into the fresh panel and then types one character into the filter; both times in ms. */
async function measure(page: Page, state: string, view: 'flows' | 'requests'): Promise<{ render: number; keystroke: number; rows: number }> {
  await page.evaluate((v) => (document.querySelector(`[data-testid="view-${v}"]`) as HTMLButtonElement).click(), view);
  // The state is handed to the page first (fetched from the harness server: handing 40 MB over the DevTools
  // protocol takes most of a minute): its transfer and parsing, a port message's structured clone in the
  // extension, is not the panel's rendering.
  await page.evaluate(async (url) => ((window as unknown as { __state: TabState }).__state = (await (await fetch(url)).json()) as TabState), state);
  const render = await page.evaluate(() => window.tiHarness.renderTime((window as unknown as { __state: TabState }).__state));
  const keystroke = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')!;
    const start = performance.now();
    input.value = 'a';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  });
  const rows = await page.locator('[data-testid="exchange"]').count();
  return { render, keystroke, rows };
}

/**
 * `n` exchanges of a generated HAR of logins only (discovery, authorize, token, userinfo, refresh: about five
 * exchanges and one flow per login, each with its own subject and session), the worst case for the Flows view.
 */
async function loginExchanges(n: number): Promise<Exchange[]> {
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
  const path = join(ROOT, 'bench', 'out', 'panel-logins.har');
  await generateHar(path, Math.ceil(n * 2000), { loginEvery: 1, assets: false });
  const har = importHar(readFileSync(path, 'utf8'));
  if (!har.ok) throw new Error(har.error);
  if (har.exchanges.length < n) throw new Error(`the generated HAR has ${har.exchanges.length} exchanges, fewer than ${n}`);
  return har.exchanges.slice(0, n);
}

/** The 10,000- and 100-exchange states in both views: first render and one keystroke. */
async function manyExchanges(origin: string, page: Page): Promise<void> {
  log('generating and analysing the states');
  const exchanges = await loginExchanges(BIG);
  const bigState = await tabState(exchanges);
  const smallState = await tabState(exchanges.slice(0, SMALL));
  writeFileSync(join(HARNESS_DIR, 'bench-big.json'), JSON.stringify(bigState));
  writeFileSync(join(HARNESS_DIR, 'bench-small.json'), JSON.stringify(smallState));
  const big = '/bench-big.json';
  const small = '/bench-small.json';
  log(`analysed: ${bigState.analysis?.flows.length} flows`);
  const results: Record<string, { render: number[]; keystroke: number[] }> = {};
  let rowsInDom = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const view of ['requests', 'flows'] as const) {
      for (const [name, state] of [
        [`${view}-${SMALL}`, small],
        [`${view}-${BIG}`, big],
      ] as const) {
        await page.goto(`${origin}/${HARNESS_PAGE}`);
        await page.waitForFunction(() => 'tiHarness' in window);
        const m = await measure(page, state, view);
        log(`round ${round} ${name}: render ${m.render.toFixed(1)} ms, keystroke ${m.keystroke.toFixed(1)} ms`);
        if (view === 'requests' && state === big) rowsInDom = m.rows;
        if (round === 0) continue; // warm-up
        (results[name] ??= { render: [], keystroke: [] }).render.push(m.render);
        results[name].keystroke.push(m.keystroke);
      }
    }
  }
  for (const view of ['requests', 'flows']) {
    const b = results[`${view}-${BIG}`]!;
    const s = results[`${view}-${SMALL}`]!;
    report(`panel-${view}`, {
      exchanges: BIG,
      flows: bigState.analysis?.flows.length ?? 0,
      firstRenderMs: median(b.render),
      firstRenderBaselineMs: median(s.render),
      firstRenderRatio: median(b.render) / median(s.render),
      keystrokeMs: median(b.keystroke),
      keystrokeBaselineMs: median(s.keystroke),
      keystrokeRatio: median(b.keystroke) / median(s.keystroke),
      firstRenderTargetMs: 200,
      keystrokeTargetMs: 50,
      rounds: ROUNDS,
    });
  }
  report('panel-virtualised', { exchanges: BIG, requestRowsInDom: rowsInDom });
}

/** A pasted ID token with a {@link LONG_CHARS}-character claim against the same token with a short one, Flows view. */
async function longClaim(origin: string, page: Page): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  log(`making the token with a claim of ${LONG_CHARS} characters`);
  writeFileSync(join(HARNESS_DIR, 'bench-long.json'), JSON.stringify(await longClaimState(LONG_CHARS, now)));
  writeFileSync(join(HARNESS_DIR, 'bench-short.json'), JSON.stringify(await longClaimState(SHORT_CHARS, now)));
  const results: Record<string, { render: number[]; keystroke: number[] }> = {};
  let domChars = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const name of ['short', 'long'] as const) {
      await page.goto(`${origin}/${HARNESS_PAGE}`);
      await page.waitForFunction(() => 'tiHarness' in window);
      const m = await measure(page, `/bench-${name}.json`, 'flows');
      log(`round ${round} ${name} claim: render ${m.render.toFixed(1)} ms, keystroke ${m.keystroke.toFixed(1)} ms`);
      if (name === 'long') domChars = await page.evaluate(() => document.getElementById('app')?.textContent?.length ?? 0);
      if (round === 0) continue; // warm-up
      (results[name] ??= { render: [], keystroke: [] }).render.push(m.render);
      results[name].keystroke.push(m.keystroke);
    }
  }
  const long = results.long!;
  const short = results.short!;
  report('panel-long-claim', {
    claimChars: LONG_CHARS,
    firstRenderMs: median(long.render),
    firstRenderBaselineMs: median(short.render),
    firstRenderRatio: median(long.render) / median(short.render),
    keystrokeMs: median(long.keystroke),
    keystrokeBaselineMs: median(short.keystroke),
    panelTextChars: domChars,
    rounds: ROUNDS,
  });
}

async function main(): Promise<void> {
  buildHarness();
  const server = await serveDir(HARNESS_DIR);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const parts = (process.env.BENCH_PANEL_PARTS ?? 'many,long').split(',');
    if (parts.includes('many')) await manyExchanges(server.origin, page);
    if (parts.includes('long')) await longClaim(server.origin, page);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
