/** The redacted HAR export, and recognising one on import. */
import type { Exchange } from '../model.js';
import { exportHar } from './export.js';
import { redactExchanges, type RedactOptions } from './redact.js';
import type { RedactionCounts } from './redact-types.js';
import type { HarLog } from './types.js';

/** How the `log.comment` of a redacted export starts. */
export const REDACTED_COMMENT_PREFIX = 'Redacted by Token Inspector';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The `log.comment`: that the file is redacted, how, and what was done. */
function comment(counts: RedactionCounts): string {
  const done = [
    plural(counts.signatures, 'JWS signature') + ' stripped',
    plural(counts.encrypted, 'JWE') + ' masked',
    plural(counts.tokens, 'opaque token') + ' and ' + plural(counts.personal, 'personal value') + ' replaced by salted hashes',
    plural(counts.masked, 'secret') + ' masked',
    plural(counts.cookies, 'cookie value') + ' masked',
  ];
  if (counts.bodiesLeftOut > 0) done.push(plural(counts.bodiesLeftOut, 'binary body', 'binary bodies') + ' left out');
  return `${REDACTED_COMMENT_PREFIX}: ${done.join(', ')}. Hashes compare equal within this file only; the salt is not in it.`;
}

/** A redacted HAR and what redaction did to make it. */
export interface RedactedHar {
  har: HarLog;
  counts: RedactionCounts;
  /** What could not be parsed (see `RedactedExchanges.unparsed`). */
  unparsed: string[];
}

/**
 * A HAR 1.2 log of the exchanges redacted by {@link redactExchanges} (see there for what is masked, stripped and
 * hashed), with a `log.comment` saying it is redacted and counting what was done, and the counts and unparsed
 * notes themselves (for a command-line summary). Rejects with `RedactSaltError` for a short salt. Does not modify
 * the exchanges and never writes the salt.
 */
export async function redactHar(exchanges: readonly Exchange[], creator: { name: string; version: string }, options: RedactOptions): Promise<RedactedHar> {
  const { exchanges: redacted, counts, unparsed } = await redactExchanges(exchanges, options);
  const har = exportHar(redacted, creator);
  const { version, creator: by, ...rest } = har.log;
  // The comment right after the creator, where a reader of the file sees it first.
  return { har: { log: { version, creator: by, comment: comment(counts), ...rest } }, counts, unparsed };
}

/**
 * The HAR of {@link redactHar} alone: what the panel's export writes. `readInput` recognises it and tells the user.
 * Rejects with `RedactSaltError` for a short salt.
 */
export async function exportRedactedHar(exchanges: readonly Exchange[], creator: { name: string; version: string }, options: RedactOptions): Promise<HarLog> {
  return (await redactHar(exchanges, creator, options)).har;
}

/** True when a parsed HAR is a redacted export of this extension (its `log.comment` says so). Never throws. */
export function isRedactedHar(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const log = (value as { log?: unknown }).log;
  if (log === null || typeof log !== 'object') return false;
  const text = (log as { comment?: unknown }).comment;
  return typeof text === 'string' && text.startsWith(REDACTED_COMMENT_PREFIX);
}
