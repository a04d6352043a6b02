/**
 * Benchmark of the Tokens panel (issue 4 §5) in real Chromium: the panel built as a page (the harness,
 * `vite build --mode harness`) is given a tab state of 10,000 exchanges analysed by the engine in this process,
 * and the script times (in the page, `performance.now()` to the next painted frame):
 * - the first render of that state into an empty panel (target: at most 200 ms), and
 * - one keystroke in the filter box, the list re-filtered and painted (target: at most 50 ms),
 * each against the same measurement with a 100-exchange state in the same page load (the baseline), over
 * `BENCH_PANEL_ROUNDS` rounds (10), each in a fresh page. Also checks that the request list is virtualised (far
 * fewer rows in the DOM than exchanges). Prints JSON lines like the other benches; reports, never asserts the
 * times. `E2E_SKIP_BUILD=1` reuses the harness build.
 */
import { chromium, type Page } from '@playwright/test';
import type { TabState } from '../src/shared/protocol.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/support/browsers.js';
import { buildHarness, HARNESS_DIR, HARNESS_PAGE } from '../test/panel/support/harness-build.js';
import { manyExchanges, tabState } from '../test/panel/support/states.js';
import { serveDir } from '../test/panel/support/static-server.js';
import { median, report } from './measure.js';

const ROUNDS = Number(process.env.BENCH_PANEL_ROUNDS ?? 10);
const BIG = 10_000;
const SMALL = 100;

/** Renders `state` into the fresh panel and then types one character into the filter; both times in ms. */
async function measure(page: Page, state: TabState, view: 'flows' | 'requests'): Promise<{ render: number; keystroke: number; rows: number }> {
  await page.evaluate((v) => (document.querySelector(`[data-testid="view-${v}"]`) as HTMLButtonElement).click(), view);
  const render = await page.evaluate((s) => window.tiHarness.renderTime(s), state);
  const keystroke = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')!;
    const start = performance.now();
    input.value = 'userinfo';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  });
  const rows = await page.locator('[data-testid="exchange"]').count();
  return { render, keystroke, rows };
}

async function main(): Promise<void> {
  buildHarness();
  const server = await serveDir(HARNESS_DIR);
  const big = await tabState(manyExchanges(BIG));
  const small = await tabState(manyExchanges(SMALL));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const results: Record<string, { render: number[]; keystroke: number[] }> = {};
  let rowsInDom = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const view of ['requests', 'flows'] as const) {
        for (const [name, state] of [
          [`${view}-${SMALL}`, small],
          [`${view}-${BIG}`, big],
        ] as const) {
          await page.goto(`${server.origin}/${HARNESS_PAGE}`);
          await page.waitForFunction(() => 'tiHarness' in window);
          const m = await measure(page, state, view);
          if (view === 'requests' && state === big) rowsInDom = m.rows;
          if (round === 0) continue; // warm-up
          (results[name] ??= { render: [], keystroke: [] }).render.push(m.render);
          results[name].keystroke.push(m.keystroke);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const view of ['requests', 'flows']) {
    const b = results[`${view}-${BIG}`]!;
    const s = results[`${view}-${SMALL}`]!;
    report(`panel-${view}`, {
      exchanges: BIG,
      flows: big.analysis?.flows.length ?? 0,
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

await main();
