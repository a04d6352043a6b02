import type { Artifact } from '../model.js';
import type { ArtifactRule, Reporter } from './types.js';
import { show, spaceSeparated } from './util.js';

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const MIN = 43;
const MAX = 128;

/** What is wrong with a code_verifier's length and characters (RFC 7636 §4.1); empty when nothing. */
function verifierProblems(verifier: string): string[] {
  const problems: string[] = [];
  if (verifier.length < MIN || verifier.length > MAX) problems.push(`is ${verifier.length} characters long, not ${MIN} to ${MAX}`);
  if (!UNRESERVED.test(verifier)) {
    const bad = [...new Set([...verifier].filter((c) => !UNRESERVED.test(c)))].slice(0, 5);
    problems.push(`contains characters outside [A-Za-z0-9-._~]: ${bad.map((c) => show(c)).join(', ')}`);
  }
  return problems;
}

/** The code_verifier sent in the token request of a token response. The verifier itself is never shown. */
function checkTokenRequest(a: Artifact, report: Reporter): void {
  const verifier = a.http?.requestForm?.code_verifier;
  if (typeof verifier !== 'string') return;
  const problems = verifierProblems(verifier);
  if (problems.length === 0) return;
  report({ severity: 'error', claim: 'code_verifier', message: `code_verifier ${problems.join(' and ')} (RFC 7636 §4.1)` });
}

/** PKCE on an authorize request for a response type that includes `code`. */
function checkAuthorizeRequest(a: Artifact, report: Reporter): void {
  const claims = a.claims;
  if (!claims || typeof claims !== 'object') return;
  if (!spaceSeparated(claims.response_type).includes('code')) return;
  const challenge = claims.code_challenge;
  if (challenge === undefined || challenge === null || challenge === '') {
    report({
      severity: 'warning',
      claim: 'code_challenge',
      message: `PKCE not used: the authorize request for response_type ${show(claims.response_type)} has no code_challenge; RFC 9700 §2.1.1 asks for PKCE with S256`,
    });
    return;
  }
  const method = claims.code_challenge_method;
  if (method === undefined || method === null || method === '') {
    report({ severity: 'warning', claim: 'code_challenge_method', message: 'code_challenge_method is missing, which means plain; use S256 (RFC 7636 §4.2, RFC 9700 §2.1.1)' });
  } else if (method === 'plain') {
    report({ severity: 'warning', claim: 'code_challenge_method', message: 'code_challenge_method "plain" sends the verifier itself as the challenge; use S256 (RFC 7636 §4.2, RFC 9700 §2.1.1)' });
  } else if (method !== 'S256') {
    report({ severity: 'warning', claim: 'code_challenge_method', message: `code_challenge_method ${show(method)} is not a PKCE method (plain or S256, case-sensitive); use S256` });
  }
}

/**
 * pkce: the token request's `code_verifier` is 43 to 128 unreserved characters (RFC 7636 §4.1; E, saying
 * whether the length or the characters are wrong), and an authorize request with a `code` response type uses
 * PKCE with S256 (RFC 9700 §2.1.1; W for no `code_challenge`, a missing or `plain` method, or an unknown one).
 * Does not check that the verifier hashes to the challenge, nor the challenge's own format.
 */
export const pkce: ArtifactRule = {
  id: 'pkce',
  scope: 'artifact',
  kinds: ['token_response', 'authorize_request'],
  check(a, _ctx, report) {
    if (a.kind === 'token_response') checkTokenRequest(a, report);
    else checkAuthorizeRequest(a, report);
  },
};
