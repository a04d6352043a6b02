/**
 * Finding planted values in exported text, in any encoding a reader could undo (issue 10 §1): the value as it is,
 * percent-encoded (once, twice, as a form), JSON-escaped (once, twice), HTML- and Markdown-escaped, and inside
 * base64 or base64url of any text that holds it; also in the percent-decoded and base64-decoded views of the text.
 * And the three exports the panel offers, made from one capture as the panel makes them.
 */
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import type { InputSummary } from '../../../src/core/input/types.js';
import { analyze, type AnalysisResult } from '../../../src/core/analyze.js';
import { exportRedactedHar } from '../../../src/core/har/redact-export.js';
import type { Exchange } from '../../../src/core/model.js';
import { jsonReport } from '../../../src/core/report/json-report.js';
import { markdownSummary } from '../../../src/core/report/markdown-summary.js';
import { redactAnalysis } from '../../../src/core/report/redact-analysis.js';

/** A value planted in a capture, and where. */
export interface Plant {
  /** The carrier, as a leak report names it (`multipart/form-data body`, `JWT after %3D in a query`). */
  carrier: string;
  /** What the value is (`password`, `JWS signature`, `e-mail address`). */
  what: string;
  value: string;
}

/** A planted value found in an export. */
export interface Leak extends Plant {
  format: string;
  /** How it was written: `raw`, `percent-encoded`, `inside base64url (offset 1)`, ..., and in which view of the text. */
  encoding: string;
  /** The text around it. */
  context: string;
}

/** The three exports of the panel, as text. */
export type ExportFormat = 'redacted HAR' | 'JSON report' | 'Markdown summary';
/** Every export format, in the order of the panel's menu. */
export const FORMATS: readonly ExportFormat[] = ['redacted HAR', 'JSON report', 'Markdown summary'];

const MARKDOWN_SPECIAL = /[\\`*_[\]|~#@]/g;
const HTML_SPECIAL: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

const jsonEscaped = (v: string) => JSON.stringify(v).slice(1, -1);

/** The text forms of a value a reader can undo by eye or with one standard function. */
function textForms(v: string): [string, string][] {
  return [
    ['raw', v],
    ['percent-encoded', encodeURIComponent(v)],
    ['percent-encoded twice', encodeURIComponent(encodeURIComponent(v))],
    ['form-encoded', new URLSearchParams([['', v]]).toString().slice(1)],
    ['JSON-escaped', jsonEscaped(v)],
    ['JSON-escaped twice', jsonEscaped(jsonEscaped(v))],
    ['HTML-escaped', v.replace(/[<>&"']/g, (c) => HTML_SPECIAL[c]!)],
    ['Markdown-escaped', v.replace(MARKDOWN_SPECIAL, '\\$&')],
  ];
}

const toUrlAlphabet = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * The base64 characters that any base64 text holding `v` must contain, for each of the three byte offsets `v`
 * can start at: so the base64 of a state JSON, of Basic credentials or of a JWT payload holding `v` is found
 * without knowing what surrounded it.
 */
export function base64Fragments(v: string): string[] {
  const bytes = new TextEncoder().encode(v);
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const padded = new Uint8Array(k + bytes.length);
    padded.set(bytes, k);
    const b64 = Buffer.from(padded).toString('base64');
    const fragment = b64.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    if (fragment.length >= 8) out.push(fragment, toUrlAlphabet(fragment));
  }
  return out;
}

interface Needle {
  plant: Plant;
  encoding: string;
  text: string;
}

/** Every encoded form of every planted value. */
function needlesOf(plants: readonly Plant[]): Needle[] {
  const out: Needle[] = [];
  for (const plant of plants) {
    const seen = new Set<string>();
    const add = (encoding: string, text: string) => {
      if (text.length === 0 || seen.has(text)) return;
      seen.add(text);
      out.push({ plant, encoding, text });
    };
    for (const [name, text] of textForms(plant.value)) add(name, text);
    for (const [name, text] of textForms(plant.value).slice(0, 2)) {
      base64Fragments(text).forEach((f, i) => add(`inside ${i % 2 === 0 ? 'base64' : 'base64url'} of the ${name} value (offset ${i >> 1})`, f));
    }
  }
  return out;
}

const PREFIX = 8;

/** Finds many needles in long texts in one pass: needles indexed by their first {@link PREFIX} characters. */
function scanner(needles: readonly Needle[]): (text: string) => { needle: Needle; at: number }[] {
  const long = new Map<string, Needle[]>();
  const short: Needle[] = [];
  for (const n of needles) {
    if (n.text.length < PREFIX) short.push(n);
    else {
      const key = n.text.slice(0, PREFIX);
      const list = long.get(key);
      if (list) list.push(n);
      else long.set(key, [n]);
    }
  }
  return (text) => {
    const hits: { needle: Needle; at: number }[] = [];
    const found = new Set<Needle>();
    for (const n of short) {
      const at = text.indexOf(n.text);
      if (at >= 0) {
        hits.push({ needle: n, at });
        found.add(n);
      }
    }
    for (let i = 0; i + PREFIX <= text.length; i++) {
      const list = long.get(text.slice(i, i + PREFIX));
      if (!list) continue;
      for (const n of list) {
        if (!found.has(n) && text.startsWith(n.text, i)) {
          hits.push({ needle: n, at: i });
          found.add(n);
        }
      }
    }
    return hits;
  };
}

/** `%XX` sequences decoded where they form UTF-8, anything else left as it is. */
function percentDecoded(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

// eslint-disable-next-line no-control-regex -- control characters mark bytes that are not text
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** Mostly text: a wrong alignment or binary bytes decode to a run of replacement and control characters. */
function looksLikeText(text: string): boolean {
  return (text.match(NOT_TEXT)?.length ?? 0) <= 3 + text.length / 20;
}

/**
 * Every run of base64 or base64url characters decoded, at each of the four alignments (a run may start a few
 * characters before the base64 in it, as after `%3D`), keeping what decodes to text; one per line.
 */
function base64Decoded(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{12,}/g)) {
    const run = m[0].replace(/-/g, '+').replace(/_/g, '/');
    for (let skip = 0; skip < 4; skip++) {
      const decoded = Buffer.from(run.slice(skip), 'base64').toString('utf8');
      if (decoded.length >= 6 && looksLikeText(decoded.slice(2))) out.push(decoded);
    }
  }
  return out.join('\n');
}

/** How deep views decode (a JWT in a base64 value in a JWT in a query is three levels). */
const MAX_DEPTH = 5;

/**
 * The views of an export a reader can make with standard tools, named for the leak report: the text as written,
 * percent-decoded, and base64-decoded, recursively.
 */
function views(text: string): [string, string][] {
  const out: [string, string][] = [['as written', text]];
  const seen = new Set([text]);
  let frontier: [string, string][] = [['', text]];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: [string, string][] = [];
    for (const [how, t] of frontier) {
      for (const [step, decoded] of [['percent-decoded', percentDecoded(t)], ['base64-decoded', base64Decoded(t)]] as const) {
        if (decoded.length === 0 || seen.has(decoded)) continue;
        seen.add(decoded);
        const name = how ? `${how}, then ${step}` : step;
        out.push([name, decoded]);
        next.push([name, decoded]);
      }
    }
    frontier = next;
  }
  return out;
}

/** Where each planted value survives in `text`: at most one leak per value, encoding and view. */
export function findLeaks(format: string, text: string, plants: readonly Plant[]): Leak[] {
  const scan = scanner(needlesOf(plants));
  const leaks: Leak[] = [];
  const reported = new Set<string>();
  for (const [view, t] of views(text)) {
    for (const { needle, at } of scan(t)) {
      const key = `${needle.plant.carrier}\u0000${needle.plant.what}\u0000${needle.plant.value}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const context = t.slice(Math.max(0, at - 60), at + needle.text.length + 20).replace(/\s+/g, ' ');
      leaks.push({ ...needle.plant, format, encoding: view === 'as written' ? needle.encoding : `${needle.encoding}, in the ${view} text`, context });
    }
  }
  return leaks;
}

/** One line per leak, for a failure message: which format, which carrier, which value, how it was written. */
export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks.map((l) => `[${l.format}] ${l.carrier}: ${l.what} ${JSON.stringify(l.value)} survives ${l.encoding}: …${l.context}…`).join('\n');
}

/** The panel's exports of one capture, with the analysis and the redacted analysis they came from. */
export interface Exports {
  text: Record<ExportFormat, string>;
  analysis: AnalysisResult;
  redactedAnalysis: AnalysisResult;
}

/** Salts as the panel makes them: a new one for every export. */
export const EXPORT_SALTS = { har: 'leak-test-salt-har-6c1f0a9e', report: 'leak-test-salt-report-2b8d47c3', markdown: 'leak-test-salt-md-93e5a1d7' };

const CREATOR = { name: 'Token Inspector', version: '0.1.0' };

/**
 * Exports `exchanges` as the panel does (src/panel/export/exports.ts): the redacted HAR, and the JSON report and
 * Markdown summary of the redacted analysis, the analysis judged at the end of the capture as for an offline HAR.
 */
export async function exportAll(exchanges: readonly Exchange[], name = 'login.har'): Promise<Exports> {
  const now = captureEndSeconds(exchanges) ?? 1_700_000_000;
  const analysis = await analyze({ exchanges }, { now });
  const inputs: InputSummary[] = [{ name, kind: 'har', exchanges: exchanges.length, warnings: [] }];
  const meta = { version: CREATOR.version, skew: 60, nowSource: 'capture' };
  const har = JSON.stringify(await exportRedactedHar(exchanges, CREATOR, { salt: EXPORT_SALTS.har }), null, 2);
  const redactedAnalysis = await redactAnalysis(analysis, { salt: EXPORT_SALTS.report });
  const forMarkdown = await redactAnalysis(analysis, { salt: EXPORT_SALTS.markdown });
  return {
    text: { 'redacted HAR': har, 'JSON report': jsonReport(redactedAnalysis, inputs, meta), 'Markdown summary': markdownSummary(forMarkdown, inputs, meta) },
    analysis,
    redactedAnalysis,
  };
}
