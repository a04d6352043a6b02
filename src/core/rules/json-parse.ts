import type { ArtifactRule } from './types.js';

/**
 * json-parse (product extension): an endpoint response or a file that should be JSON is not. Reports the
 * parser's reason with line and column, and whether the inspector could read it after repairing it. A body the
 * capture cut short is an info, not a server defect.
 * Does not report JWT payloads (jws-parse does).
 */
export const jsonParse: ArtifactRule = {
  id: 'json-parse',
  scope: 'artifact',
  kinds: ['token_response', 'userinfo', 'introspection', 'discovery', 'jwks', 'id_token', 'access_token', 'refresh_token'],
  check(a, _ctx, report) {
    if (!a.jsonError) return;
    const what = a.occurrences[0]?.location === 'file' ? `the file ${a.occurrences[0]?.url ?? ''}`.trim() : `the ${a.kind.replace('_', ' ')} body`;
    if (a.truncated) {
      report({ severity: 'info', message: `${what} was cut short by the capture, so it is not complete JSON (${a.jsonError}); this is not a defect of the server` });
      return;
    }
    report({ message: `${what} is not valid JSON: ${a.jsonError}` });
  },
};
