/**
 * The panel's exports of the shown dataset: HAR, JSON report (the CLI's `--json` format) and Markdown summary.
 * Redacted unless the caller says otherwise: the HAR through the engine's redaction (signatures stripped,
 * credentials masked, personal claims and opaque tokens replaced by salted hashes), the reports from an analysis
 * whose personal values and tokens were replaced the same way (so findings read the same, with pseudonyms).
 */
import pkg from '../../../package.json';
import { exportHar } from '../../core/har/export.js';
import { exportRedactedHar } from '../../core/har/redact-export.js';
import { jsonReport } from '../../core/report/json-report.js';
import { markdownSummary } from '../../core/report/markdown-summary.js';
import { redactAnalysis } from '../../core/report/redact-analysis.js';
import type { ExportKind } from '../components/shell/ExportMenu.js';
import type { Dataset } from '../workspace/dataset.js';

/** What an export needs from the page. */
export interface ExportDeps {
  download(filename: string, text: string, mimeType: string): void;
  /** A fresh random salt (at least 16 characters) per redacted export. */
  newSalt(): string;
}

const CREATOR = { name: 'Token Inspector', version: pkg.version };

/** A file name for an export of `dataset`: `token-inspector-<source>-<UTC time>[-unredacted].<ext>`. */
export function exportFilename(dataset: Dataset, ext: string, redacted: boolean, nowMs: number): string {
  const source = dataset.name.replace(/\.[a-z]+$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'capture';
  const time = new Date(nowMs).toISOString().replace(/\..*$/, '').replace(/[:]/g, '-');
  return `token-inspector-${source}-${time}${redacted ? '' : '-unredacted'}.${ext}`;
}

/**
 * Makes one export of `dataset` and hands it to `deps.download`. Reports need an analysis: without one they
 * throw (the menu shows the message). Does not keep the salt.
 */
export async function makeExport(kind: ExportKind, redact: boolean, dataset: Dataset, deps: ExportDeps, nowMs = Date.now()): Promise<void> {
  if (kind === 'har') {
    const har = redact ? await exportRedactedHar(dataset.exchanges, CREATOR, { salt: deps.newSalt() }) : exportHar([...dataset.exchanges], CREATOR);
    deps.download(exportFilename(dataset, 'har', redact, nowMs), JSON.stringify(har, null, 2), 'application/json');
    return;
  }
  if (!dataset.result) throw new Error('nothing analysed yet');
  const result = redact ? await redactAnalysis(dataset.result, { salt: deps.newSalt() }) : dataset.result;
  const meta = { version: pkg.version, skew: dataset.skew ?? 60, nowSource: dataset.nowSource };
  if (kind === 'report') {
    deps.download(exportFilename(dataset, 'json', redact, nowMs), jsonReport(result, dataset.inputs, meta), 'application/json');
    return;
  }
  deps.download(exportFilename(dataset, 'md', redact, nowMs), markdownSummary(result, dataset.inputs, meta), 'text/markdown');
}
