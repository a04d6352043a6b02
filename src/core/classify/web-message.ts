/**
 * Authorization responses delivered by `response_mode=web_message` (the OAuth 2.0 Web Message Response Mode
 * draft, used by silent renew in auth0-spa-js and offered by oidc-provider): the authorization endpoint answers
 * 200 with an HTML page whose script posts `{ type: 'authorization_response', response: { code, state, … } }`
 * to the window that framed or opened it. The parameters are in the page's script, not in a redirect.
 */
import { stringEnd } from '../util/json-literal.js';
import { AUTHZ_RESPONSE_PARAMS as PARAMS } from './parameter-names.js';

/** Response parameters read from such a page (strings only, as in a redirect's query). */
export type WebMessageParams = Record<string, string>;

/** A page bigger than this is no web message response (they are a few hundred bytes). */
const MAX_PAGE = 64 * 1024;

function stringsOf(value: unknown): WebMessageParams | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: WebMessageParams = {};
  for (const name of PARAMS) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === 'string' || typeof v === 'number') out[name] = String(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `"name": "value"` pairs of a JavaScript object literal, JSON string escapes decoded. */
function literalPairs(text: string): WebMessageParams | undefined {
  const out: WebMessageParams = {};
  const pair = /["']?([a-z_]+)["']?\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  for (let m = pair.exec(text); m; m = pair.exec(text)) {
    const [, name, raw] = m;
    if (!name || raw === undefined || !PARAMS.includes(name) || name in out) continue;
    try {
      out[name] = JSON.parse(`"${raw}"`) as string;
    } catch {
      // A value that is no JSON string: not ours to guess.
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The index of the `}` that closes the object literal opening at `open`, skipping braces inside quoted strings
 * (a `state` may hold JSON); -1 when it never closes.
 */
function objectEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The authorization response parameters of a web message response page: the object under `response` (JSON, or
 * a script object literal with quoted string values), or undefined when the page holds no such object with a
 * `code`, `error`, `id_token` or `access_token`. Reads only pages that mention `authorization_response` or
 * `web_message`, up to 64 KB. Never throws; does not run the script and does not check who may receive it.
 */
export function webMessageResponse(html: string): WebMessageParams | undefined {
  if (html.length > MAX_PAGE || !/authorization_response|web_message/i.test(html)) return undefined;
  const start = /["']?response["']?\s*:\s*\{/.exec(html);
  if (!start) return undefined;
  const open = start.index + start[0].length - 1;
  const close = objectEnd(html, open);
  if (close < 0) return undefined;
  const literal = html.slice(open, close + 1);
  let params: WebMessageParams | undefined;
  try {
    params = stringsOf(JSON.parse(literal));
  } catch {
    params = literalPairs(literal);
  }
  if (!params) return undefined;
  return 'code' in params || 'error' in params || 'id_token' in params || 'access_token' in params ? params : undefined;
}
