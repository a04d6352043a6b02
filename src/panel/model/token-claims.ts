/**
 * The claims table of an artifact: each claim's JSON text, the profile's documentation of it, its times, and
 * the findings that concern it. Pure: no DOM.
 */
import type { ClaimDoc, Finding } from '../../core/index.js';
import { claimTime, isTimeClaim, type ClaimTime } from './claim-time.js';

/** One row of the claims table. */
export interface ClaimRow {
  name: string;
  /** The value as JSON text: objects indented by two spaces, arrays of plain values on one line. */
  json: string;
  doc?: ClaimDoc;
  /** The claim's own time for a NumericDate claim, else the times of its members documented as NumericDate. */
  times: ClaimTime[];
  /** Findings whose `claim` is this claim or a member of it (`address.country`, `roles[0]`), in the engine's order. */
  findings: Finding[];
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/**
 * JSON text of a claim value: objects (and arrays holding objects or arrays) indented by two spaces, other
 * arrays and plain values on one line. Never throws: a value JSON cannot hold (not expected from a parsed
 * document) is shown with String().
 */
export function claimJson(value: unknown): string {
  try {
    const flat = Array.isArray(value) && value.every(isPlain);
    return JSON.stringify(value, null, flat || isPlain(value) ? undefined : 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The claim a finding's `claim` path belongs to: the path itself when it is a claim name (names may hold dots,
 * e.g. `https://example.com/roles`), else the longest claim name followed by `.` or `[` in the path; `undefined`
 * when none matches (a missing claim, a request parameter).
 */
export function claimOfPath(path: string, names: readonly string[]): string | undefined {
  if (names.includes(path)) return path;
  let best: string | undefined;
  for (const name of names) {
    const next = path.charAt(name.length);
    if ((next === '.' || next === '[') && path.startsWith(name) && name.length > (best?.length ?? -1)) best = name;
  }
  return best;
}

/** Times of members documented as NumericDate, one object level deep (BankID's additionalCertInfo). */
function memberTimes(name: string, value: unknown, doc: ClaimDoc | undefined, now: number): ClaimTime[] {
  if (!doc?.members || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  return doc.members
    .filter((m) => isTimeClaim(m.name, m) && Object.hasOwn(record, m.name))
    .map((m) => claimTime(`${name}.${m.name}`, record[m.name], now))
    .filter((t): t is ClaimTime => t !== undefined);
}

/** Result of {@link claimRows}. */
export interface ClaimTable {
  rows: ClaimRow[];
  /** Findings that name no claim, or a claim the artifact does not have (a missing required claim). */
  other: Finding[];
}

/**
 * The rows of the claims table in the artifact's order, with the documentation `docs` gives by name, times at
 * `now` (unix seconds) and the findings attached to their claim. Does not sort, filter or judge anything; the
 * findings are the ones given (the artifact's), each placed once.
 */
export function claimRows(claims: Record<string, unknown> | undefined, docs: ReadonlyMap<string, ClaimDoc>, findings: readonly Finding[], now: number): ClaimTable {
  const entries = Object.entries(claims ?? {});
  const names = entries.map(([name]) => name);
  const byClaim = new Map<string, Finding[]>();
  const other: Finding[] = [];
  for (const finding of findings) {
    const name = finding.claim === undefined ? undefined : claimOfPath(finding.claim, names);
    if (name === undefined) other.push(finding);
    else byClaim.set(name, [...(byClaim.get(name) ?? []), finding]);
  }
  const rows = entries.map(([name, value]): ClaimRow => {
    const doc = docs.get(name);
    const own = isTimeClaim(name, doc) ? claimTime(name, value, now) : undefined;
    return { name, json: claimJson(value), doc, times: own ? [own] : memberTimes(name, value, doc, now), findings: byClaim.get(name) ?? [] };
  });
  return { rows, other };
}
