import type { CaptureSource, Exchange, Header, HttpContext } from '../model.js';

/** Headers as a map of lower-cased names; repeated headers joined with ", ". */
export function headerMap(headers: readonly Header[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    const name = h.name.toLowerCase();
    out[name] = out[name] === undefined ? h.value : `${out[name]}, ${h.value}`;
  }
  return out;
}

/** The first value of each form field. */
export function firstValues(form: Record<string, string[]> | undefined): Record<string, string> | undefined {
  if (!form) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (v.length > 0) out[k] = v[0]!;
  return out;
}

/** Every capture source that saw a part of the exchange, each once, sorted. */
export function exchangeSources(ex: Pick<Exchange, 'seenBy'>): CaptureSource[] {
  return [...new Set(Object.values(ex.seenBy).flatMap((s) => s ?? []))].sort();
}

/** The HTTP context stored on artifacts that come from an exchange. */
export function httpContext(ex: Exchange, form: Record<string, string> | undefined): HttpContext {
  const ctx: HttpContext = {
    method: ex.method,
    url: ex.url,
    requestHeaders: headerMap(ex.requestHeaders),
    responseHeaders: headerMap(ex.responseHeaders),
  };
  if (ex.status !== undefined) ctx.status = ex.status;
  if (form) ctx.requestForm = form;
  const sources = exchangeSources(ex);
  if (sources.length > 0) ctx.sources = sources;
  return ctx;
}

/** A URL split into the parts the classifier needs; `undefined` for text that is not an absolute URL. */
export interface UrlParts {
  origin: string;
  host: string;
  path: string;
  /** URL without query and fragment. */
  base: string;
  query: Record<string, string>;
  fragment: Record<string, string>;
}

function params(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
  return out;
}

/** Parses an absolute URL; never throws. */
export function urlParts(url: string): UrlParts | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  return {
    origin: u.origin,
    host: u.host,
    path: u.pathname,
    base: `${u.origin}${u.pathname}`,
    query: params(u.search.slice(1)),
    fragment: params(u.hash.slice(1)),
  };
}

/** The `Authorization` scheme and credentials of a request, if any. */
export function authorization(headers: Record<string, string>): { scheme: string; credentials: string } | undefined {
  const value = headers['authorization'];
  if (!value) return undefined;
  const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(value);
  return m ? { scheme: m[1]!.toLowerCase(), credentials: m[2]! } : undefined;
}

/** The client id in HTTP Basic client authentication (RFC 6749 §2.3.1: form-urlencoded, then base64). */
export function basicClientId(credentials: string): string | undefined {
  try {
    const decoded = atob(credentials);
    const user = decoded.slice(0, decoded.indexOf(':') >= 0 ? decoded.indexOf(':') : undefined);
    return decodeURIComponent(user.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
