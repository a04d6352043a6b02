/** Redacting one value by the name it travels under, or by its shape when the name says nothing. */
import { looksLikeJwt } from '../jwt/decode.js';
import { nameClass, normalName } from './redact-names.js';
import type { Redactor } from './redact-types.js';

/** A whole value that is an e-mail address (personal under any name). */
const EMAIL = /^[^\s@/?#:]+@[^\s@/?#:]+\.[A-Za-z]{2,}$/;
/** A URL that may carry parameters: absolute with a scheme, or a path. */
const URL_WITH_PARAMS = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s]*[?#]/i;

/**
 * A value under a parameter, member or claim name: `code` and `code_verifier` kept, secrets masked, tokens
 * redacted (see {@link Redactor.token}), personal values hashed, anything else redacted by its shape
 * ({@link redactLoose}). The empty string stays empty. Access tokens (for the at_hash of ID tokens) and client ids
 * (see {@link Redactor.personal}) are remembered. Does not look at the values beside it.
 */
export async function redactNamed(r: Redactor, name: string, value: string): Promise<string> {
  if (value === '') return value;
  const n = normalName(name);
  if (n === 'clientid' || n === 'azp') r.seenClientId(value);
  switch (nameClass(name)) {
    case 'keep':
      return value;
    case 'secret':
      return r.mask(value);
    case 'token':
      if (name.toLowerCase() === 'access_token') r.seenAccessToken(value);
      return r.token(value);
    case 'personal':
      return r.personal(value);
    default:
      return redactLoose(r, value);
  }
}

/**
 * A value whose name says nothing about it: a JWT is redacted as a token, an e-mail address as a personal value,
 * a URL has its query and fragment parameters redacted, text that may hold JWTs or `name=value` pairs goes through
 * {@link Redactor.text} (which also replaces e-mail addresses in it); anything else is kept as it is.
 */
export async function redactLoose(r: Redactor, value: string): Promise<string> {
  if (looksLikeJwt(value)) return r.token(value);
  if (EMAIL.test(value)) return r.personal(value);
  if (URL_WITH_PARAMS.test(value)) return r.url(value);
  if (value.includes('eyJ') || value.includes('=') || value.includes('"') || value.includes('@')) return r.text(value);
  return value;
}
