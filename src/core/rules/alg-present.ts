import type { Artifact } from '../model.js';
import { caseVariantOf, JWE_KEY_ALGS, JWS_ALGS } from './jose-algs.js';
import { JWS_KINDS, kindLabel } from './jws-subject.js';
import type { ArtifactRule, Reporter } from './types.js';
import { isStringArray, show } from './util.js';

/** Header parameters we implement as `crit` extensions (RFC 7797 unencoded payload option). */
const UNDERSTOOD_EXTENSIONS: readonly string[] = ['b64'];

/** Header parameters defined by JWS/JWE themselves, which `crit` must not list (RFC 7515 §4.1.11). */
const REGISTERED_HEADER_NAMES: readonly string[] = [
  'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
];

function checkAlg(a: Artifact, header: Record<string, unknown>, report: Reporter): void {
  const what = kindLabel(a);
  if (!Object.hasOwn(header, 'alg')) {
    report({ message: `${what} header has no "alg" (it is required)` });
    return;
  }
  const alg = header.alg;
  if (typeof alg !== 'string') {
    report({ message: `${what} header "alg" is ${show(alg)}, expected a string naming a registered algorithm` });
    return;
  }
  const jwe = a.jwt?.format === 'jwe';
  const registered = jwe ? JWE_KEY_ALGS : JWS_ALGS;
  if (registered.includes(alg)) return;
  const kind = jwe ? 'JWE key-management algorithm' : 'JWS algorithm';
  const variant = caseVariantOf(alg, registered);
  const hint = variant ? `: names are case-sensitive, did you mean ${show(variant)}?` : '';
  report({ message: `${what} alg ${show(alg)} is not a registered ${kind}${hint}` });
}

function checkCrit(a: Artifact, header: Record<string, unknown>, report: Reporter): void {
  if (!Object.hasOwn(header, 'crit')) return;
  const what = kindLabel(a);
  const crit = header.crit;
  if (!isStringArray(crit) || crit.length === 0) {
    report({ message: `${what} header "crit" is ${show(crit)}, expected a non-empty array of header parameter names` });
    return;
  }
  for (const name of new Set(crit)) {
    if (REGISTERED_HEADER_NAMES.includes(name)) {
      report({ message: `${what} "crit" lists ${show(name)}, a parameter defined by JWS/JWE itself, which "crit" must not list` });
    } else if (!Object.hasOwn(header, name)) {
      report({ message: `${what} "crit" lists ${show(name)}, which is not in the header` });
    } else if (!UNDERSTOOD_EXTENSIONS.includes(name)) {
      report({ message: `${what} "crit" lists the extension ${show(name)}, which is not understood here, so the token must be rejected` });
    }
  }
}

/**
 * alg-present: the header has a string `alg` that is a registered name, exactly as registered; `crit` is a
 * non-empty list of present, understood extension names (RFC 7515 §4.1.1, §4.1.11). For a JWE, `alg` is
 * checked against the key-management algorithms. Does not judge whether the alg is allowed or safe
 * (alg-none, alg-allowlist) and does not check JWE `enc`.
 */
export const algPresent: ArtifactRule = {
  id: 'alg-present',
  scope: 'artifact',
  kinds: JWS_KINDS,
  check(a, _ctx, report) {
    const header = a.jwt?.header;
    if (!header || typeof header !== 'object') return;
    checkAlg(a, header, report);
    checkCrit(a, header, report);
  },
};
