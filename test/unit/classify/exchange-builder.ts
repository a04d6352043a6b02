import type { Exchange, Header } from '../../../src/core/model.js';

let n = 0;

/** A captured exchange for tests: JSON bodies are stringified, headers given as an object. */
export function exchange(init: {
  method?: string;
  url: string;
  requestHeaders?: Record<string, string>;
  form?: Record<string, string>;
  status?: number;
  responseHeaders?: Record<string, string>;
  json?: unknown;
  body?: string;
  redirect?: string;
  at?: number;
}): Exchange {
  const headers = (h: Record<string, string> = {}): Header[] => Object.entries(h).map(([name, value]) => ({ name, value }));
  const responseHeaders = { ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.responseHeaders };
  const ex: Exchange = {
    id: `x${++n}`,
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    url: init.url,
    requestHeaders: headers(init.requestHeaders),
    responseHeaders: headers(responseHeaders),
    startedAt: init.at ?? 1_629_286_057_000 + n,
    seenBy: {},
  };
  if (init.form) ex.requestForm = Object.fromEntries(Object.entries(init.form).map(([k, v]) => [k, [v]]));
  ex.status = init.status ?? (init.redirect ? 302 : 200);
  if (init.redirect) ex.redirectUrl = init.redirect;
  const text = init.body ?? (init.json !== undefined ? JSON.stringify(init.json) : undefined);
  if (text !== undefined) ex.responseBody = { text };
  return ex;
}
