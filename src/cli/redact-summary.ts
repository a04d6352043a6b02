/** What `token-inspector redact` says on stderr about what it did. */
import { listedWarnings, type RedactionCounts } from '../core/index.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The summary lines (without the `token-inspector: ` prefix): first what was redacted by category, always
 * naming tokens, secrets, personal values and cookies (so a zero shows too), e.g.
 * `redacted 12 tokens (5 JWS signatures stripped, 1 JWE masked, 6 opaque tokens hashed), 3 secrets, 9 personal
 * values, 4 cookies; 1 binary body left out`; then one `could not parse: <note>` line per note, at most
 * ten and a count of the rest. Counts are of distinct values. Does not escape anything (the caller does).
 */
export function redactionSummary(counts: RedactionCounts, unparsed: readonly string[]): string[] {
  const tokens = counts.signatures + counts.encrypted + counts.tokens;
  const how = [
    counts.signatures > 0 ? `${plural(counts.signatures, 'JWS signature')} stripped` : '',
    counts.encrypted > 0 ? `${counts.encrypted} JWE masked` : '',
    counts.tokens > 0 ? `${plural(counts.tokens, 'opaque token')} hashed` : '',
  ].filter(Boolean);
  const parts = [
    `${plural(tokens, 'token')}${how.length > 0 && tokens > 0 ? ` (${how.join(', ')})` : ''}`,
    plural(counts.masked, 'secret'),
    plural(counts.personal, 'personal value'),
    plural(counts.cookies, 'cookie'),
  ];
  const left = counts.bodiesLeftOut > 0 ? `; ${plural(counts.bodiesLeftOut, 'binary body', 'binary bodies')} left out` : '';
  return [`redacted ${parts.join(', ')}${left}`, ...listedWarnings(unparsed).map((note) => `could not parse: ${note}`)];
}
