/**
 * Two artifacts' claims side by side (for example the ID token before and after a refresh), and which pair to
 * show first. Pure: no DOM.
 */
import type { Artifact, Flow, TokenKind } from '../../core/index.js';
import { numericDateSeconds, TOKEN_KINDS } from '../../core/index.js';
import { claimDocs } from '../../core/profiles/claim-docs.js';
import type { AnalysisIndex } from './analysis-index.js';
import { isTimeClaim } from './claim-time.js';
import { claimJson } from './token-claims.js';

export type ClaimChange = 'added' | 'removed' | 'changed' | 'same';

/** One claim of the union. `left`/`right` are absent where that side has no such claim. */
export interface CompareRow {
  name: string;
  /** `added`: only on the right; `removed`: only on the left. */
  change: ClaimChange;
  left?: unknown;
  right?: unknown;
  leftJson?: string;
  rightJson?: string;
  /** A NumericDate claim: by name, or documented so by either side's profile. */
  time: boolean;
  /** For a NumericDate claim present on both sides as numbers: right minus left, in seconds. */
  delta?: number;
}

/** Deep equality of JSON values; object member order does not matter, array order does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k], rb[k]));
}

/**
 * The claims of `a` (left) and `b` (right): one row per name in the union, `a`'s order first and then `b`'s new
 * names, with what changed (deep equality on the JSON values), and for NumericDate claims (by name, or documented
 * so by either artifact's profile) the time difference. Does not judge the values or read `now`.
 */
export function compareClaims(a: Artifact, b: Artifact): CompareRow[] {
  const left = a.claims ?? {};
  const right = b.claims ?? {};
  const docsA = claimDocs(a.profile, a.kind);
  const docsB = claimDocs(b.profile, b.kind);
  const names = [...Object.keys(left), ...Object.keys(right).filter((n) => !Object.hasOwn(left, n))];
  return names.map((name): CompareRow => {
    const inLeft = Object.hasOwn(left, name);
    const inRight = Object.hasOwn(right, name);
    const change = !inLeft ? 'added' : !inRight ? 'removed' : jsonEqual(left[name], right[name]) ? 'same' : 'changed';
    const row: CompareRow = { name, change, time: isTimeClaim(name, docsA.get(name)) || isTimeClaim(name, docsB.get(name)) };
    if (inLeft) Object.assign(row, { left: left[name], leftJson: claimJson(left[name]) });
    if (inRight) Object.assign(row, { right: right[name], rightJson: claimJson(right[name]) });
    if (inLeft && inRight && row.time) {
      const from = numericDateSeconds(left[name]);
      const to = numericDateSeconds(right[name]);
      if (from !== undefined && to !== undefined) row.delta = to - from;
    }
    return row;
  });
}

/** Tokens with decoded claims (opaque tokens have nothing to compare), keyed by kind and role. */
function tokenKey(a: Artifact): string | undefined {
  if (!TOKEN_KINDS.includes(a.kind as TokenKind) || !a.claims || Object.keys(a.claims).length === 0) return undefined;
  return `${a.kind}\u0000${a.role ?? ''}`;
}

/**
 * The pair to compare first in a flow: the last token with decoded claims and the one of the same kind (and
 * role) before it, e.g. the ID token before and after a refresh. `undefined` when no kind has two such tokens.
 * Does not look outside the flow, nor at responses.
 */
export function defaultComparePair(flow: Flow, index: AnalysisIndex): { left: string; right: string } | undefined {
  const tokens = flow.artifacts.map((id) => index.byId.get(id)).filter((a): a is Artifact => a !== undefined);
  for (let i = tokens.length - 1; i > 0; i--) {
    const key = tokenKey(tokens[i]!);
    if (key === undefined) continue;
    for (let j = i - 1; j >= 0; j--) if (tokenKey(tokens[j]!) === key) return { left: tokens[j]!.id, right: tokens[i]!.id };
  }
  return undefined;
}
