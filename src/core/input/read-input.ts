/** Reading one input (a file's text or pasted text) into what the engine analyses; no file-system work. */
import { importHar, importHarObject, type HarImport } from '../har/import.js';
import { isRedactedHar } from '../har/redact-export.js';
import { listedWarnings } from './listed-warnings.js';
import { isJsonReport } from './report-import.js';
import { unwrapPastedToken } from './pasted-token.js';
import type { ReadInputs } from './types.js';

/** What the user is told about a HAR this extension exported redacted. */
export const REDACTED_NOTICE =
  'a redacted export: token signatures were stripped (expect alg-none "stripped signature" findings), secrets masked, personal values and tokens replaced by salted hashes that compare equal within this file only';

function looksLikeHar(name: string, text: string): boolean {
  if (/\.har$/i.test(name)) return true;
  const head = text.slice(0, 4096).trimStart();
  return head.startsWith('{') && /^\{\s*"log"\s*:/.test(head);
}

/** The import, and whether the file says it is a redacted export. Parses the text once. */
function readHar(text: string): { har: HarImport; redacted: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // The importer says where the text breaks (or that it is empty).
    return { har: importHar(text), redacted: false };
  }
  return { har: importHarObject(value), redacted: isRedactedHar(value) };
}

/** Why a JSON report is not an input for analysis. */
export const REPORT_ERROR = 'a token-inspector JSON report holds no raw traffic and cannot be analysed again: check the HAR it was made from (the panel shows a report as written)';

/** The parsed JSON report of this tool that `text` is, or undefined (cheap for anything else: no parse). */
export function parseReport(text: string): Record<string, unknown> | undefined {
  const head = text.slice(0, 200);
  if (!/^\s*\{/.test(head) || !head.includes('"token-inspector"')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonReport(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads one input named `name` (a file name, "(stdin)", "pasted text"): a HAR (by the `.har` name or a leading
 * `{"log":`) becomes exchanges, with ids prefixed `<index + 1>:` when `index` is given (several inputs analysed
 * together); anything else one document (raw JWT or JSON), a pasted token (`Bearer eyJ...`, quoted, wrapped) being
 * unwrapped first, dated `nowMs`. A JSON report of this tool is an error (see {@link REPORT_ERROR}). Never throws: an unusable HAR is in `errors`, import warnings (a few, then a count),
 * an unwrapped paste and a redacted export of this extension in `notices`. A HAR without usable entries is not an
 * error. Does not read files, analyse anything or judge whether a document is a token.
 */
export function readInput(name: string, text: string, nowMs: number, index?: number): ReadInputs {
  const out: ReadInputs = { exchanges: [], documents: [], errors: [], notices: [], summary: [] };
  if (looksLikeHar(name, text)) {
    const { har, redacted } = readHar(text);
    if (!har.ok) {
      // The importer's reasons start with "not a HAR file: ..."; others still need saying what failed.
      out.errors.push({ name, error: /^not a HAR file\b/.test(har.error) ? har.error : `not a usable HAR file: ${har.error}` });
      return out;
    }
    const prefix = index === undefined ? '' : `${index + 1}:`;
    for (const ex of har.exchanges) out.exchanges.push(prefix ? { ...ex, id: prefix + ex.id } : ex);
    out.summary.push({ name, kind: 'har', exchanges: har.exchanges.length, warnings: har.warnings });
    if (redacted) out.notices.push({ name, message: REDACTED_NOTICE });
    for (const message of listedWarnings(har.warnings)) out.notices.push({ name, message });
    return out;
  }
  if (parseReport(text)) {
    out.errors.push({ name, error: REPORT_ERROR });
    return out;
  }
  let document = text;
  const pasted = unwrapPastedToken(text);
  if (pasted) {
    out.notices.push({ name, message: `read as a pasted token (removed ${pasted.removed.join(', ')})` });
    document = pasted.token;
  }
  out.documents.push({ name, text: document, at: nowMs });
  out.summary.push({ name, kind: 'document' });
  return out;
}
