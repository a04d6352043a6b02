/**
 * The sensitive values of a capture, collected independently of the redaction engine (its name lists are not
 * used), for checking that none of them survives a redacted export (issue 10 §1): every JWS signature segment,
 * opaque tokens under token names, cookie values, Authorization credentials, secrets and passwords, e-mail
 * addresses, and the personal values (`sub`, names, phone numbers, ...) of decoded JWT payloads, JSON bodies,
 * URL and form parameters and headers. Values that also travel under a name whose value is kept on purpose
 * (client_id, aud, iss, scope, redirect_uri, code, code_verifier, ...) are left out: they are not leaks.
 */
import type { Exchange } from '../../../src/core/model.js';
import { bodyText } from '../../../src/core/util/body.js';
import type { Plant } from './redact-leak-check.js';

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names whose values are kept on purpose (protocol fields; `code` and `code_verifier` for the PKCE and c_hash checks). */
const KEPT = new Set(['clientid', 'aud', 'azp', 'iss', 'issuer', 'scope', 'redirecturi', 'responsetype', 'responsemode', 'granttype', 'tokentype', 'code', 'codeverifier', 'codechallenge', 'codechallengemethod', 'alg', 'kid', 'typ', 'enc']);

const SECRET = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'passcode', 'secret', 'clientsecret', 'appsecret', 'apikey', 'privatekey', 'otp']);

const isTokenName = (n: string) => (/token$/.test(n) && n !== 'tokentype') || ['assertion', 'clientassertion', 'samlresponse', 'devicecode', 'idtokenhint'].includes(n);

const PERSONAL = new Set([
  'sub', 'name', 'nickname', 'preferredusername', 'username', 'loginhint', 'upn', 'uniquename', 'email', 'mail', 'phonenumber', 'phone', 'mobile', 'msisdn',
  'birthdate', 'dob', 'streetaddress', 'formatted', 'postalcode', 'locality', 'picture', 'profile', 'website', 'pin', 'pinfl', 'nnin', 'ssn', 'idcardnumber',
  'nationalid', 'personalnumber', 'bankidaltsub', 'subjectname', 'serialnumber', 'passportnumber', 'documentnumber', 'fin', 'xusername', 'cfaccessauthenticateduseremail',
]);
const isPersonalName = (n: string) => PERSONAL.has(n) || /^(first|last|given|family|middle|full|display|sur)name/.test(n) || /e?mail$/.test(n) || /phone|mobile/.test(n) || /birth/.test(n);

/** Placeholders that earlier scrubbing (e.g. HAR sanitizers) left: not secrets. */
const PLACEHOLDER = /redacted|^\[.*\]$|^<.*>$|^\*+$/i;
/** Shorter values would be found by chance in what redaction writes. */
const MIN_LENGTH = 6;

const JWS = /eyJ[A-Za-z0-9_-]{2,}\.(eyJ[A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{16,})/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function base64urlText(segment: string): string | undefined {
  try {
    const text = Buffer.from(segment, 'base64url').toString('utf8');
    return text.includes('\ufffd') ? undefined : text;
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** A collector: sensitive values with where they were seen, and the values kept on purpose. */
class Collector {
  readonly found = new Map<string, Plant>();
  readonly kept = new Set<string>();
  /** Strings under names that are neither kept nor sensitive (e.g. a certificate issuer's DN). */
  readonly other: string[] = [];

  add(carrier: string, what: string, value: unknown): void {
    if (typeof value === 'number' && Number.isInteger(value) && String(value).length >= 8) value = String(value);
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (v.length < MIN_LENGTH || PLACEHOLDER.test(v) || this.found.has(v)) return;
    this.found.set(v, { carrier, what, value: v });
  }

  /** A value under a name: by the name's class; JWTs and e-mail addresses inside it as well. */
  named(carrier: string, name: string, value: unknown, depth = 0): void {
    const n = norm(name);
    if (KEPT.has(n) && Array.isArray(value)) for (const v of value) if (typeof v === 'string') this.kept.add(v);
    if (typeof value === 'string') {
      if (KEPT.has(n)) {
        this.kept.add(value);
        return;
      }
      this.text(carrier, value, depth);
      const json = depth < 4 ? parseJson(value) : undefined;
      if (json !== undefined) return this.json(`${carrier} > JSON in ${name}`, json, depth + 1);
      if (/^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\./.test(value)) return;
      if (SECRET.has(n) || /secret|password|passphrase/.test(n)) this.add(carrier, `secret ${name}`, value);
      else if (isTokenName(n)) this.add(carrier, `token ${name}`, value);
      else if (isPersonalName(n)) this.add(carrier, `personal ${name}`, value);
      else if (value.length <= 2000) this.other.push(value);
      return;
    }
    if (typeof value === 'number' && isPersonalName(n) && !['exp', 'iat'].includes(n)) this.add(carrier, `personal ${name}`, value);
    if (value !== null && typeof value === 'object') this.json(`${carrier} > ${name}`, value, depth + 1);
  }

  json(carrier: string, value: unknown, depth = 0): void {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) {
        if (typeof v === 'string') this.text(carrier, v, depth);
        else this.json(carrier, v, depth + 1);
      }
      return;
    }
    const record = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(record)) {
      this.named(carrier, k, v, depth);
      // A contacts-style entry: { type: 'mobile', value: '+47...' }.
      if (k === 'value' && typeof record.type === 'string' && isPersonalName(norm(record.type))) this.add(carrier, `personal ${record.type}`, v);
    }
  }

  /** JWS signatures and personal claims, and e-mail addresses, anywhere in a text. */
  text(carrier: string, text: string, depth = 0): void {
    for (const variant of new Set([text, safeDecode(text), safeDecode(safeDecode(text))])) {
      for (const m of variant.matchAll(JWS)) {
        this.add(carrier, 'JWS signature', m[2]);
        const payload = base64urlText(m[1]!);
        const claims = payload !== undefined && depth < 6 ? parseJson(payload) : undefined;
        if (claims !== undefined) this.json(`${carrier} > JWT payload`, claims, depth + 1);
      }
      for (const m of variant.matchAll(EMAIL)) this.add(carrier, 'e-mail address', m[0]);
    }
  }

  params(carrier: string, query: string): void {
    for (const [k, v] of new URLSearchParams(query)) this.named(`${carrier} parameter ${k}`, k, v);
  }

  url(carrier: string, raw: string): void {
    this.text(carrier, raw);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return;
    }
    if (url.username) this.add(carrier, 'URL userinfo user', safeDecode(url.username));
    if (url.password) this.add(carrier, 'URL userinfo password', safeDecode(url.password));
    this.params(`${carrier} query`, url.search.slice(1));
    this.params(`${carrier} fragment`, url.hash.slice(1));
  }

  header(carrier: string, name: string, value: string): void {
    const n = norm(name);
    if (n === 'cookie') {
      for (const pair of value.split(/;\s*/)) {
        const i = pair.indexOf('=');
        if (i > 0) this.add(`${carrier} Cookie ${pair.slice(0, i)}`, 'cookie value', pair.slice(i + 1));
      }
    } else if (n === 'setcookie') {
      for (const line of value.split('\n')) {
        const first = line.split(';')[0]!;
        const i = first.indexOf('=');
        if (i > 0) this.add(`${carrier} Set-Cookie ${first.slice(0, i)}`, 'cookie value', first.slice(i + 1));
      }
    } else if (n === 'authorization' || n === 'proxyauthorization') {
      const [scheme, credentials = ''] = value.split(/\s+/, 2);
      this.add(`${carrier} ${name}`, `${scheme} credentials`, credentials);
      if (/^basic$/i.test(scheme ?? '')) {
        const decoded = Buffer.from(credentials, 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        if (i >= 0) {
          this.add(`${carrier} ${name}`, 'Basic user', decoded.slice(0, i));
          this.add(`${carrier} ${name}`, 'Basic password', decoded.slice(i + 1));
        }
      }
    } else if (n === 'location' || n === 'contentlocation' || n === 'referer') {
      this.url(`${carrier} ${name}`, value);
    }
    this.named(`${carrier} header ${name}`, name, value);
  }

  body(carrier: string, body: Exchange['requestBody'], form?: Record<string, string[]>): void {
    for (const [k, vs] of Object.entries(form ?? {})) for (const v of vs) this.named(`${carrier} form ${k}`, k, v);
    if (!body) return;
    if (body.encoding === 'base64' && !/json|text|html|xml|javascript|form/i.test(body.mimeType ?? '')) return;
    const { text } = bodyText(body);
    const json = parseJson(text);
    if (json !== undefined) this.json(`${carrier} JSON`, json);
    else if (/x-www-form-urlencoded/i.test(body.mimeType ?? '') || /^[\w.-]+=[^\s]*(&[\w.-]+=[^\s]*)*$/.test(text.trim())) this.params(`${carrier} form`, text.trim());
    this.text(`${carrier} text`, text);
    for (const m of text.matchAll(/^\s*([A-Za-z_][\w-]*)\s*[:=]\s*(\S+)\s*$/gm)) this.named(`${carrier} line ${m[1]}`, m[1]!, m[2]);
  }
}

/**
 * The sensitive values of `exchanges`, each with the first place it was seen (as a {@link Plant}). `kept`: values
 * known to be kept on purpose besides those under kept names, e.g. the client ids the analysis found (the user of
 * HTTP Basic client authentication is the client id).
 */
export function sensitiveValues(exchanges: readonly Exchange[], kept: Iterable<string> = []): Plant[] {
  const c = new Collector();
  for (const k of kept) c.kept.add(k);
  exchanges.forEach((e, i) => {
    const at = `#${i + 1} ${e.method} ${e.url.length > 80 ? `${e.url.slice(0, 80)}…` : e.url}`;
    c.url(`${at}: URL`, e.url);
    if (e.redirectUrl) c.url(`${at}: redirect URL`, e.redirectUrl);
    for (const h of e.requestHeaders) c.header(`${at}: request`, h.name, h.value);
    for (const h of e.responseHeaders) c.header(`${at}: response`, h.name, h.value);
    c.body(`${at}: request body`, e.requestBody, e.requestForm);
    c.body(`${at}: response body`, e.responseBody);
  });
  // A personal name that is also a word of a value nobody redacts (family_name "BankID" in the DN "CN=BankID - ...")
  // can't be told from it in the output.
  const commonWord = (p: Plant) => /^personal .*name/i.test(p.what) && c.other.some((o) => o.includes(p.value));
  return [...c.found.values()].filter((p) => !c.kept.has(p.value) && !commonWord(p));
}
