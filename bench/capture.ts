/**
 * Benchmark of live capture (issue 3 §7): the load time of a page on a configured host that makes 50 token and
 * userinfo calls (capture-site.ts), in Chromium with the extension against the same Chromium without it, both
 * launched by this script and running at once, the loads alternating (which goes first swapped every round) over
 * `BENCH_CAPTURE_ROUNDS` rounds (30) after warm-up. Target: at most 5 % slower. Then the same page on 127.0.0.2,
 * which is not configured, with the extension: no capture callback may run. Exits with 1 when one did, and when
 * a measured load was not captured completely (its time would not be a time "with capture"); the ratio itself
 * is reported, never asserted. Prints JSON lines like the other benches. `BENCH_CAPTURE_LATENCY_MS` delays the
 * server's answers (0 by default), `E2E_SKIP_BUILD=1` reuses the extension build in build/bench/chrome.
 *
 * Baseline: a second browser without the extension rather than the extension's browser on an unconfigured
 * host, because only that one is "without the extension": whatever Chromium does for an installed extension
 * with webRequest listeners, even for hosts it may not see, is part of the cost. The unconfigured-host loads
 * are timed against the baseline too, which separates that cost from the cost of capturing.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { CaptureStats } from '../src/shared/protocol.js';
import { chromiumPath } from '../test/e2e/support/browsers.js';
import { buildExtension, ROOT } from '../test/e2e/support/extension-build.js';
import { launchWithExtension, warmUp, type ExtensionBrowser } from '../test/e2e/support/extension.js';
import type { Listening } from '../test/e2e/support/listen.js';
import { UNCONFIGURED_HOST } from '../test/e2e/support/unconfigured-site.js';
import { capturedOn, launchPlain, loadBenchPage, poll, type Captured, type PlainBrowser } from './capture-browsers.js';
import { CALLS, LANES, startBenchSite } from './capture-site.js';
import { median, quantile, report } from './measure.js';

const ROUNDS = Number(process.env.BENCH_CAPTURE_ROUNDS ?? 30);
/** Delay of each token and userinfo answer (0: loopback speed); other values show how the ratio depends on it. */
const LATENCY_MS = Number(process.env.BENCH_CAPTURE_LATENCY_MS ?? 0);
const WARMUP_ROUNDS = 5;
const UNCONFIGURED_ROUNDS = 10;
const TARGET = 1.05;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const iqr = (xs: number[]) => [round3(quantile(xs, 0.25)), round3(quantile(xs, 0.75))];
const totalCallbacks = (stats: CaptureStats) => Object.values(stats.callbacks).reduce((sum, n) => sum + n, 0);
const problems: string[] = [];

/** The full version of the binary the benchmark launches (user agents say 156.0.0.0); `unknown` if it does not answer. */
function chromiumVersion(): string {
  try {
    const out = execFileSync(chromiumPath() ?? chromium.executablePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /\d+\.\d+\.\d+\.\d+/.exec(out)?.[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs both loads of a round, swapping which goes first every round (cancels effects of order: caches, the other browser's leftover work). */
async function alternate(round: number, a: () => Promise<void>, b: () => Promise<void>): Promise<void> {
  for (const run of round % 2 === 0 ? [a, b] : [b, a]) await run();
}

/** One timed load in the extension's browser; waits until the tab's capture is complete, then closes the tab and waits until the store dropped it. */
async function loadWith(ext: ExtensionBrowser, url: string, captureTimeoutMs: number): Promise<{ ms: number; ok: number; captured: Captured; completeAfterMs: number }> {
  const load = await loadBenchPage(ext.context, url);
  const doneSeen = performance.now();
  const tabId = await ext.tabIdOf(load.page);
  const captured = await poll(() => capturedOn(ext, tabId), (c) => c.exchanges >= CALLS && c.withBody >= CALLS && c.bothSources >= CALLS, captureTimeoutMs);
  const completeAfterMs = performance.now() - doneSeen;
  await load.page.close();
  await poll(() => ext.stats(), (s) => s.exchanges === 0, 10_000);
  return { ms: load.doneAt, ok: load.ok, captured, completeAfterMs };
}

/** One timed load without the extension. */
async function loadWithout(plain: PlainBrowser, url: string): Promise<{ ms: number; ok: number }> {
  const load = await loadBenchPage(plain.context, url);
  await load.page.close();
  return { ms: load.doneAt, ok: load.ok };
}

/** Waits until the worker's callback counters stop moving (two equal readings 250 ms apart, within 10 s). */
async function settledStats(ext: ExtensionBrowser): Promise<CaptureStats> {
  let previous = await ext.stats();
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await ext.stats();
    if (totalCallbacks(now) === totalCallbacks(previous)) return now;
    previous = now;
  }
  throw new Error('the worker\'s callback counters did not settle within 10 s');
}

async function measureConfigured(ext: ExtensionBrowser, plain: PlainBrowser, url: string): Promise<void> {
  // Warm-up: both browsers' caches and JITs, and the page hook's registration (async after the worker starts):
  // at least WARMUP_ROUNDS rounds, and more until a load is captured completely by both sources.
  let complete = false;
  for (let i = 0; i < WARMUP_ROUNDS || !complete; i++) {
    if (i >= WARMUP_ROUNDS + 20) throw new Error('warm-up: no load was captured completely by webRequest and the page hook');
    const w = await loadWith(ext, url, 5_000);
    await loadWithout(plain, url);
    complete = w.captured.bothSources >= CALLS && w.captured.withBody >= CALLS;
  }
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  const completeAfter: number[] = [];
  const captured: Captured = { exchanges: 0, withBody: 0, bothSources: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const runWith = async () => {
      const r = await loadWith(ext, url, 10_000);
      withMs.push(r.ms);
      completeAfter.push(r.completeAfterMs);
      captured.exchanges += r.captured.exchanges;
      captured.withBody += r.captured.withBody;
      captured.bothSources += r.captured.bothSources;
      if (r.ok !== CALLS) problems.push(`with the extension, round ${round}: ${r.ok} of ${CALLS} calls answered as expected`);
    };
    const runWithout = async () => {
      const r = await loadWithout(plain, url);
      withoutMs.push(r.ms);
      if (r.ok !== CALLS) problems.push(`without the extension, round ${round}: ${r.ok} of ${CALLS} calls answered as expected`);
    };
    await alternate(round, runWith, runWithout);
  }
  const expected = ROUNDS * CALLS;
  if (captured.exchanges !== expected || captured.withBody !== expected || captured.bothSources !== expected) {
    problems.push(`captured ${captured.exchanges} exchanges (${captured.withBody} with a body, ${captured.bothSources} from both sources) of ${expected} calls`);
  }
  const paired = withMs.map((ms, i) => ms / withoutMs[i]!);
  const ratio = median(withMs) / median(withoutMs);
  report('capture', {
    rounds: ROUNDS,
    callsPerPage: CALLS,
    lanes: LANES,
    serverLatencyMs: LATENCY_MS,
    withoutMs: median(withoutMs),
    withMs: median(withMs),
    withoutIqrMs: iqr(withoutMs),
    withIqrMs: iqr(withMs),
    ratio,
    pairedRatioMedian: median(paired),
    pairedRatioIqr: iqr(paired),
    target: TARGET,
    meetsTarget: ratio <= TARGET,
    capturedExchanges: `${captured.exchanges}/${expected}`,
    capturedWithResponseBody: captured.withBody,
    capturedByBothSources: captured.bothSources,
    captureCompleteAfterDoneMs: median(completeAfter),
    chromium: chromiumVersion(),
  });
}

async function measureUnconfigured(ext: ExtensionBrowser, plain: PlainBrowser, url: string): Promise<void> {
  const before = await settledStats(ext);
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let round = 0; round < UNCONFIGURED_ROUNDS; round++) {
    const runWith = async () => {
      const load = await loadBenchPage(ext.context, url);
      await load.page.close();
      withMs.push(load.doneAt);
      if (load.ok !== CALLS) problems.push(`unconfigured host with the extension, round ${round}: ${load.ok} of ${CALLS} calls answered as expected`);
    };
    const runWithout = async () => void withoutMs.push((await loadWithout(plain, url)).ms);
    await alternate(round, runWith, runWithout);
  }
  const after = await settledStats(ext);
  const ran = totalCallbacks(after) - totalCallbacks(before);
  if (ran !== 0) problems.push(`${ran} capture callbacks ran for pages on the unconfigured host ${UNCONFIGURED_HOST}`);
  report('capture-unconfigured', {
    host: UNCONFIGURED_HOST,
    loads: UNCONFIGURED_ROUNDS,
    callsPerPage: CALLS,
    callbacksBefore: before.callbacks,
    callbacksAfter: after.callbacks,
    callbacksRun: ran,
    ignoredRun: after.ignored - before.ignored,
    noCallbackRan: ran === 0,
    withMs: median(withMs),
    withoutMs: median(withoutMs),
    ratio: median(withMs) / median(withoutMs),
  });
}

const dir = buildExtension('chrome', join(ROOT, 'build', 'bench', 'chrome'));
let configured: Listening | undefined;
let unconfigured: Listening | undefined;
let ext: ExtensionBrowser | undefined;
let plain: PlainBrowser | undefined;
try {
  configured = await startBenchSite('127.0.0.1', LATENCY_MS);
  unconfigured = await startBenchSite(UNCONFIGURED_HOST, LATENCY_MS);
  ext = await launchWithExtension(dir, { headless: true });
  plain = await launchPlain();
  await warmUp(ext, `${configured.origin}/`);
  await measureConfigured(ext, plain, `${configured.origin}/`);
  await measureUnconfigured(ext, plain, `${unconfigured.origin}/`);
} finally {
  await ext?.close();
  await plain?.close();
  await configured?.close();
  await unconfigured?.close();
}
for (const problem of problems) process.stderr.write(`capture bench: ${problem}\n`);
if (problems.length > 0) process.exitCode = 1;
