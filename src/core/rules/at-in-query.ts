import type { ArtifactRule } from './types.js';
import { urlForMessage } from './util.js';

const QUERY_PREFIX = 'url.query.';

/**
 * at-in-query: an access token (JWT or opaque) travelled in a URL query parameter (RFC 6750 §2.3,
 * RFC 9700 §4.3.2), where logs, history and Referer headers keep it. One warning per parameter name and URL;
 * the message names the host and path, never the token or the rest of the query. Does not flag URL
 * fragments (the implicit flow's redirect) or form bodies.
 */
export const atInQuery: ArtifactRule = {
  id: 'at-in-query',
  scope: 'artifact',
  kinds: ['access_token', 'opaque_token'],
  check(a, _ctx, report) {
    const what = a.kind === 'access_token' ? 'access token' : 'token';
    const seen = new Set<string>();
    for (const o of a.occurrences) {
      if (typeof o.location !== 'string' || !o.location.startsWith(QUERY_PREFIX)) continue;
      const param = o.location.slice(QUERY_PREFIX.length) || '?';
      const where = urlForMessage(o.url);
      const key = `${param} ${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        message: `${what} sent in the URL query parameter "${param}" of ${where}; URLs end up in logs, history and Referer headers, send it in the Authorization header instead`,
      });
    }
  },
};
