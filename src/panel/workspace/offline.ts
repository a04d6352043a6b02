/**
 * Offline analysis in the panel: pasted text and dropped or imported files (HAR from Chrome or Firefox, the
 * extension's own exports, a raw JWT, a JSON response) read with the engine's input reader and analysed on the
 * spot; the extension's JSON report is shown as written. Never touches the network: keys come only from JWKS responses inside the input.
 */
import { analyze } from '../../core/analyze.js';
import { captureEndSeconds } from '../../core/input/capture-end.js';
import { parseReport, readInput } from '../../core/input/read-input.js';
import { resultFromReport } from '../../core/input/report-import.js';
import type { Document } from '../../core/classify/documents.js';
import type { Exchange } from '../../core/model.js';
import { withIndex, type Dataset, type DatasetInput } from './dataset.js';

/** One text to analyse: a file's name and content, or "pasted text". */
export interface OfflineText {
  name: string;
  text: string;
}

/** The analysis settings the user chose (skew, client ids), and the clock. */
export interface OfflineOptions {
  skew: number;
  clientIds: readonly string[];
  nowMs: number;
}

const NOTHING = 'Nothing to analyse: the input holds no request, token or JSON response.';

/** The dataset, or why nothing could be analysed (one line per unreadable input). */
export type OfflineResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/**
 * When the tokens are judged: for HAR input the end of the last exchange (what a customer's tokens looked like
 * when the capture was made), else now. Mirrors the CLI's choice without `--now`.
 */
export function offlineNow(exchanges: readonly Exchange[], nowMs: number): number {
  return captureEndSeconds(exchanges) ?? Math.floor(nowMs / 1000);
}

/**
 * Reads and analyses `texts` together (several HAR files become one set of exchanges, ids prefixed per file).
 * Inputs that can't be read are listed as notices when something else could be used, else returned as errors.
 * Never throws for bad input.
 */
export async function analyzeOffline(name: string, texts: readonly OfflineText[], options: OfflineOptions): Promise<OfflineResult> {
  const report = texts.length === 1 ? parseReport(texts[0]!.text) : undefined;
  if (report) {
    const { result, inputs, notice } = resultFromReport(report);
    const nowSource = report.nowSource === 'capture' ? 'capture' : 'clock';
    const skew = typeof report.skew === 'number' ? report.skew : undefined;
    return { ok: true, dataset: withIndex({ origin: 'offline', name, exchanges: [], result, inputs, notices: [`${texts[0]!.name}: ${notice}`], analyzedAt: result.now, nowSource, skew }) };
  }
  const exchanges: Exchange[] = [];
  const documents: Document[] = [];
  const inputs: DatasetInput[] = [];
  const errors: string[] = [];
  const notices: string[] = [];
  for (const [i, t] of texts.entries()) {
    const read = readInput(t.name, t.text, options.nowMs, texts.length > 1 ? i : undefined);
    // A loop, not push(...): a big HAR has more exchanges than a call can take arguments.
    for (const e of read.exchanges) exchanges.push(e);
    for (const d of read.documents) documents.push(d);
    inputs.push(...read.summary);
    errors.push(...read.errors.map((e) => `${e.name}: ${e.error}`));
    notices.push(...read.notices.map((n) => `${n.name}: ${n.message}`));
  }
  if (exchanges.length === 0 && documents.length === 0) {
    return { ok: false, errors: errors.length > 0 ? errors : [NOTHING] };
  }
  const now = offlineNow(exchanges, options.nowMs);
  const result = await analyze({ exchanges, documents }, { now, skew: options.skew, clientIds: options.clientIds });
  const unreadable = result.unreadable.map((u) => `${u.name}: ${u.error}`);
  if (exchanges.length === 0 && result.artifacts.length === 0) return { ok: false, errors: errors.length + unreadable.length > 0 ? [...errors, ...unreadable] : [NOTHING] };
  notices.push(...unreadable);
  return { ok: true, dataset: withIndex({ origin: 'offline', name, exchanges, result, inputs, notices: [...errors, ...notices], analyzedAt: now, nowSource: exchanges.length > 0 ? 'capture' : 'clock', skew: options.skew }) };
}
