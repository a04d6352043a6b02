/**
 * Checks an observation that comes from a web page (the page hook runs in the page's own JavaScript world, so
 * anything it sends may have been forged by the page): types, sizes and URLs. Pure; shared by the relay (which
 * drops what is malformed before sending) and the worker (which trusts nothing the relay sends either).
 */
import type { Body, CaptureSource, Header } from '../core/model.js';
import type { Observation } from '../core/capture/observation.js';
import { appendFormValue } from '../core/util/form.js';

/** Bounds on what one observation from a page may hold. */
export const PAGE_LIMITS = {
  url: 8192,
  headers: 200,
  headerName: 256,
  headerValue: 16 * 1024,
  /** Characters of body text kept; longer text is cut and marked truncated (the hook itself reads 512 KB). */
  bodyText: 1024 * 1024,
  mimeType: 256,
  formNames: 200,
  formValues: 50,
  formValue: 16 * 1024,
  statusText: 256,
  notes: 20,
  note: 500,
} as const;

const METHOD = /^[A-Za-z!#$%&'*+.^_`|~0-9-]{1,32}$/;
/** Later than 2000-01-01 and earlier than 2100-01-01, in milliseconds: anything else is not a capture time. */
const MIN_TIME = 946_684_800_000;
const MAX_TIME = 4_102_444_800_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Marks a malformed member: the whole observation is dropped. */
class Malformed extends Error {}

function fail(): never {
  throw new Malformed();
}

function httpUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > PAGE_LIMITS.url) fail();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail();
  return url.href;
}

function time(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_TIME || value > MAX_TIME) fail();
  return value;
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string') fail();
  return value.length > max ? value.slice(0, max) : value;
}

function headers(value: unknown): Header[] {
  if (!Array.isArray(value) || value.length > PAGE_LIMITS.headers) fail();
  return value.map((h: unknown) => {
    if (!isRecord(h) || typeof h.name !== 'string' || h.name.length === 0 || h.name.length > PAGE_LIMITS.headerName) fail();
    if (typeof h.value !== 'string' || h.value.length > PAGE_LIMITS.headerValue) fail();
    return { name: h.name, value: h.value };
  });
}

function body(value: unknown): Body {
  if (!isRecord(value) || typeof value.text !== 'string') fail();
  const out: Body = { text: value.text };
  if (value.text.length > PAGE_LIMITS.bodyText) {
    out.text = value.text.slice(0, PAGE_LIMITS.bodyText);
    out.truncated = true;
  }
  if (value.encoding !== undefined) {
    if (value.encoding !== 'base64' || !/^[A-Za-z0-9+/]*={0,2}$/.test(out.text)) fail();
    out.encoding = 'base64';
  }
  if (value.mimeType !== undefined) out.mimeType = text(value.mimeType, PAGE_LIMITS.mimeType);
  if (value.truncated !== undefined) {
    if (typeof value.truncated !== 'boolean') fail();
    if (value.truncated) out.truncated = true;
  }
  return out;
}

function form(value: unknown): Record<string, string[]> {
  if (!isRecord(value)) fail();
  const names = Object.keys(value);
  if (names.length > PAGE_LIMITS.formNames) fail();
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const values = value[name];
    if (!Array.isArray(values) || values.length > PAGE_LIMITS.formValues || name.length > PAGE_LIMITS.formValue) fail();
    for (const v of values) {
      if (typeof v !== 'string' || v.length > PAGE_LIMITS.formValue) fail();
      appendFormValue(out, name, v);
    }
  }
  return out;
}

function notes(value: unknown): string[] {
  if (!Array.isArray(value)) fail();
  return value.slice(0, PAGE_LIMITS.notes).map((n: unknown) => text(n, PAGE_LIMITS.note));
}

function status(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 999) fail();
  return value;
}

/**
 * A fresh, valid observation built from `value`, with `source` forced (the page cannot claim to be webRequest)
 * and no `key` (a page must not join its data to another source's request); undefined when a member has a wrong
 * type, a size beyond {@link PAGE_LIMITS}, an unreadable time or a URL that is not http(s). Over-long body text
 * is cut and marked truncated, extra notes are dropped, unknown members ignored. Never throws. Does not check
 * the configured domains (the caller does) or that the data is true.
 */
export function sanitizeObservation(value: unknown, source: CaptureSource = 'page-hook'): Observation | undefined {
  try {
    if (!isRecord(value)) return undefined;
    if (typeof value.method !== 'string' || !METHOD.test(value.method)) return undefined;
    const obs: Observation = { source, method: value.method.toUpperCase(), url: httpUrl(value.url), startedAt: time(value.startedAt) };
    if (value.endedAt !== undefined) obs.endedAt = time(value.endedAt);
    if (value.requestHeaders !== undefined) obs.requestHeaders = headers(value.requestHeaders);
    if (value.requestBody !== undefined) obs.requestBody = body(value.requestBody);
    if (value.requestForm !== undefined) obs.requestForm = form(value.requestForm);
    if (value.status !== undefined) obs.status = status(value.status);
    if (value.statusText !== undefined) obs.statusText = text(value.statusText, PAGE_LIMITS.statusText);
    if (value.responseHeaders !== undefined) obs.responseHeaders = headers(value.responseHeaders);
    if (value.responseBody !== undefined) obs.responseBody = body(value.responseBody);
    if (value.redirectUrl !== undefined) {
      if (typeof value.redirectUrl !== 'string' || value.redirectUrl.length > PAGE_LIMITS.url) return undefined;
      obs.redirectUrl = value.redirectUrl;
    }
    if (value.notes !== undefined) obs.notes = notes(value.notes);
    return obs;
  } catch {
    return undefined;
  }
}
