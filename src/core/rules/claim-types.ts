import type { Artifact } from '../model.js';
import { kindLabel } from './jws-subject.js';
import type { ArtifactRule, Reporter } from './types.js';
import type { Claims } from './util.js';
import { isStringArray, show } from './util.js';

/** Core §2: `sub` must not exceed 255 ASCII characters. */
const MAX_SUB_LENGTH = 255;

/** A character outside RFC 6749 §3.3 scope-token (%x21 / %x23-5B / %x5D-7E) and not the separating space. */
const SCOPE_TOKEN_BAD_CHAR = /[^\x21\x23-\x5b\x5d-\x7e ]/u;

function checkSub(what: string, sub: unknown, report: Reporter): void {
  if (typeof sub !== 'string') {
    report({ claim: 'sub', message: `${what} sub is ${show(sub)}, expected a string` });
    return;
  }
  if (sub === '') report({ claim: 'sub', message: `${what} sub is empty, expected an identifier` });
  if (sub.length > MAX_SUB_LENGTH) report({ claim: 'sub', message: `${what} sub is ${sub.length} characters long, more than the ${MAX_SUB_LENGTH} allowed: ${show(sub)}` });
  // eslint-disable-next-line no-control-regex
  const nonAscii = /[^\x00-\x7f]/u.exec(sub);
  if (nonAscii) report({ claim: 'sub', message: `${what} sub ${show(sub)} has the non-ASCII character ${show(nonAscii[0])}; sub is ASCII` });
}

function checkAud(what: string, aud: unknown, report: Reporter): void {
  if (typeof aud === 'string') return;
  if (isStringArray(aud)) return;
  report({ claim: 'aud', message: `${what} aud is ${show(aud)}, expected a string or an array of strings` });
}

function checkAmr(what: string, amr: unknown, report: Reporter): void {
  if (isStringArray(amr)) return;
  const hint = typeof amr === 'string' ? `; write it as [${show(amr)}]` : '';
  report({ severity: 'warning', claim: 'amr', message: `${what} amr is ${show(amr)}, expected an array of strings${hint}` });
}

function checkScope(what: string, scope: unknown, report: Reporter): void {
  if (typeof scope !== 'string') {
    const hint = isStringArray(scope) ? `; expected ${show(scope.join(' '))}` : '';
    report({ severity: 'warning', claim: 'scope', message: `${what} scope is ${show(scope)}, expected one space-delimited string${hint}` });
    return;
  }
  if (scope === '' || /^ | $| {2}/.test(scope)) {
    report({ severity: 'warning', claim: 'scope', message: `${what} scope ${show(scope)} is not a list of scope tokens separated by single spaces (empty, leading, trailing or double spaces)` });
  }
  const bad = SCOPE_TOKEN_BAD_CHAR.exec(scope);
  if (bad) {
    report({ severity: 'warning', claim: 'scope', message: `${what} scope ${show(scope)} has the character ${show(bad[0])}, which scope tokens may not contain` });
  }
}

function checkAll(a: Artifact, claims: Claims, report: Reporter): void {
  const what = kindLabel(a);
  if (Object.hasOwn(claims, 'sub')) checkSub(what, claims.sub, report);
  if (Object.hasOwn(claims, 'aud')) checkAud(what, claims.aud, report);
  if (Object.hasOwn(claims, 'amr')) checkAmr(what, claims.amr, report);
  if (Object.hasOwn(claims, 'scope')) checkScope(what, claims.scope, report);
}

/**
 * claim-types: `sub` is a non-empty string of at most 255 ASCII characters, `aud` a string or an array of
 * strings (E); `amr` an array of strings and `scope` one string of single-space-separated tokens (W)
 * (Core §2; RFC 7519 §4.1.3; RFC 9068 §2.2.3). Present claims only: does not require any claim
 * (idt-required, ui-sub) and does not compare values (idt-aud, at-aud).
 */
export const claimTypes: ArtifactRule = {
  id: 'claim-types',
  scope: 'artifact',
  kinds: ['id_token', 'access_token', 'refresh_token', 'jwt', 'userinfo', 'introspection'],
  check(a, _ctx, report) {
    const claims = a.claims;
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return;
    checkAll(a, claims, report);
  },
};
