import type { Artifact } from '../model.js';
import type { ArtifactRule } from './types.js';
import { hasMember, show } from './util.js';

/** Members that make a token response carry a token. */
const TOKEN_MEMBERS: readonly string[] = ['access_token', 'id_token', 'refresh_token'];

/** True for a response whose status is 2xx (or not captured) and whose body carries a token. */
function carriesTokens(a: Artifact): boolean {
  const status = a.http?.status;
  if (typeof status === 'number' && (status < 200 || status > 299)) return false;
  return TOKEN_MEMBERS.some((name) => hasMember(a.claims, name));
}

/** The directive names of a Cache-Control or Pragma value, lower-cased (`no-store, max-age=0` gives no-store, max-age). */
function directives(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(',').map((d) => (d.split('=')[0] ?? '').trim().toLowerCase()).filter((d) => d.length > 0);
}

/**
 * tr-cache: a token response that carries tokens (`access_token`, `id_token` or `refresh_token`) has
 * `Cache-Control: no-store` and `Pragma: no-cache` (RFC 6749 §5.1, Core §3.1.3.3); one warning for each that is
 * missing. Runs only on 2xx responses (error responses carry no token) and only when response headers were
 * captured (a JSON file has none). Does not judge other caching headers.
 */
export const trCache: ArtifactRule = {
  id: 'tr-cache',
  scope: 'artifact',
  kinds: ['token_response'],
  check(a, _ctx, report) {
    if (!carriesTokens(a)) return;
    const headers = a.http?.responseHeaders;
    if (!headers || typeof headers !== 'object' || Object.keys(headers).length === 0) return;
    const cacheControl = headers['cache-control'];
    if (!directives(cacheControl).includes('no-store')) {
      report({
        message: cacheControl === undefined
          ? 'token response has no Cache-Control header; expected Cache-Control: no-store'
          : `token response has Cache-Control ${show(cacheControl)} without no-store; expected Cache-Control: no-store`,
      });
    }
    const pragma = headers['pragma'];
    if (!directives(pragma).includes('no-cache')) {
      report({
        message: pragma === undefined
          ? 'token response has no Pragma header; expected Pragma: no-cache'
          : `token response has Pragma ${show(pragma)} without no-cache; expected Pragma: no-cache`,
      });
    }
  },
};
