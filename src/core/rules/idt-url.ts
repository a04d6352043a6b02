import { parseUrl } from '../util/url.js';
import { show } from './util.js';

/** Hosts on which plain http is tolerated for local development (RFC 8252 §7.3 names the two IP literals). */
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** What {@link httpsUrlProblem} found: an error, or an info for http on a loopback host. */
export interface UrlProblem {
  info: boolean;
  message: string;
}

/**
 * Checks that a value is an absolute https URL without query or fragment, as Discovery §2 and §3 require of
 * `issuer` (and Core §3.1.3.7 of `iss`). Plain http on localhost, 127.0.0.1 or [::1] is an info.
 * `what` names the value in the message, e.g. `iss`; `schemeOnly` skips the query and fragment checks (for
 * `jwks_uri`, which may have a query). Returns `undefined` when nothing is wrong.
 * Does not resolve or fetch anything, and does not judge hosts other than loopback.
 */
export function httpsUrlProblem(value: unknown, what: string, opts: { schemeOnly?: boolean } = {}): UrlProblem | undefined {
  if (typeof value !== 'string') return { info: false, message: `${what} ${show(value)} is not a string; expected an https URL` };
  const url = parseUrl(value);
  if (!url) return { info: false, message: `${what} ${show(value)} is not an absolute URL; expected an https URL` };
  if (!opts.schemeOnly && value.includes('?')) {
    return { info: false, message: `${what} ${show(value)} has a query component; it must be an https URL without query or fragment` };
  }
  if (!opts.schemeOnly && value.includes('#')) {
    return { info: false, message: `${what} ${show(value)} has a fragment component; it must be an https URL without query or fragment` };
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname.toLowerCase())) {
    return { info: true, message: `${what} ${show(value)} uses http on a loopback host: allowed for local development only` };
  }
  return { info: false, message: `${what} ${show(value)} uses the scheme "${url.protocol.replace(/:$/, '')}"; expected https` };
}
