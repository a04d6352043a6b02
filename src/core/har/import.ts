/** HAR 1.2 import: a HAR file (Chrome DevTools, Firefox, other tools) to Exchanges. */
import type { Exchange } from '../model.js';
import { lineColumn } from '../util/json-lenient.js';
import { jsonErrorOffset } from '../util/json-locate.js';
import { entryToExchange } from './import-entry.js';
import { brief, isRecord, str } from './read.js';

/** The result of a HAR import: the exchanges and what was wrong with the file, or why it is not a HAR at all. */
export type HarImport =
  | { ok: true; exchanges: Exchange[]; warnings: string[]; creator?: string }
  | { ok: false; error: string };

/** More warnings than this are counted, not listed (a broken 100k-entry file must not make 100k messages). */
const MAX_WARNINGS = 100;

/** JSON.parse's reason (on one line, cut short) and where the text breaks, as line and column. */
function jsonError(text: string, err: unknown): string {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 160);
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return reason;
  const { line, column } = lineColumn(text, offset);
  return `${reason.replace(/ in JSON at position \d+.*$/, '')}; at line ${line}, column ${column}`;
}

function creatorOf(log: Record<string, unknown>): string | undefined {
  const c = log.creator;
  if (!isRecord(c)) return undefined;
  const name = str(c.name)?.slice(0, 100);
  const version = str(c.version)?.slice(0, 100);
  if (!name) return undefined;
  return version ? `${name} ${version}` : name;
}

/**
 * Imports a parsed HAR: `{ log: { entries } }`, or the `log` object alone (what `chrome.devtools.network.getHAR`
 * gives). `ok: false` only when the value is not a HAR at all; a broken entry is skipped with a warning naming its
 * index (`entry 12: no request.url, skipped`). Exchanges keep the order of the file; bodies are referenced, not
 * copied or decoded (see `bodyText`). Never throws. Does not read pages, cookies or timings.
 */
export function importHarObject(value: unknown): HarImport {
  if (!isRecord(value)) {
    return { ok: false, error: `not a HAR file: the JSON is ${brief(value)}, not an object with a "log" member` };
  }
  const log = isRecord(value.log) ? value.log : value.log === undefined && Array.isArray(value.entries) ? value : undefined;
  if (!log) {
    const what = value.log === undefined ? 'it has no "log" member' : `its "log" is ${brief(value.log)}, not an object`;
    return { ok: false, error: `not a HAR file: ${what}` };
  }
  if (!Array.isArray(log.entries)) {
    return { ok: false, error: `not a HAR file: log.entries is ${log.entries === undefined ? 'missing' : brief(log.entries)}, not an array` };
  }
  const warnings: string[] = [];
  let dropped = 0;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else dropped++;
  };
  const version = log.version;
  if (version !== undefined && !(typeof version === 'string' && /^1\.\d+$/.test(version))) {
    warn(`log.version is ${brief(version)}; read as HAR 1.2`);
  }
  const creator = creatorOf(log);
  const ctx = { paramsAsSent: isRecord(log.creator) && log.creator.name === 'WebInspector', previousStart: 0, warn };
  const exchanges: Exchange[] = [];
  const entries: unknown[] = log.entries;
  for (let i = 0; i < entries.length; i++) {
    const ex = entryToExchange(entries[i], i, ctx);
    if (!ex) continue;
    ctx.previousStart = ex.startedAt;
    exchanges.push(ex);
  }
  if (dropped > 0) warnings.push(`... and ${dropped} more warning${dropped === 1 ? '' : 's'}`);
  const result: HarImport = { ok: true, exchanges, warnings };
  if (creator) result.creator = creator;
  return result;
}

/**
 * Imports the text of a HAR file. `ok: false` when the text is not JSON (saying where it fails) or not a HAR;
 * a leading byte order mark is ignored. No attempt is made to repair broken JSON: a HAR that is not JSON can't be
 * trusted. Never throws. See {@link importHarObject} for the rest.
 */
export function importHar(text: string): HarImport {
  if (typeof text !== 'string') return { ok: false, error: 'not a HAR file: no text' };
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim().length === 0) return { ok: false, error: 'not a HAR file: the file is empty' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, error: `not a HAR file: the text is not JSON (${jsonError(json, err)})` };
  }
  return importHarObject(value);
}
