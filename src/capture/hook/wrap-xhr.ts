/** The page hook's XMLHttpRequest: the page's own methods, plus a copy of what configured hosts answer. */
import type { Header } from '../../core/model.js';
import type { Observation } from '../../core/capture/observation.js';
import type { HookSink } from './forwarder.js';
import { parseHeaderBlock } from './headers.js';
import { followRedirect, withoutFragment } from './redirect.js';
import { MAX_HOOK_TEXT, describeRequestBody } from './request-body.js';
import type { HookEnv } from './wrap-fetch.js';

/** The prototype members the hook replaces (XMLHttpRequest.prototype in a page, a fake in tests). */
export interface XhrPrototype {
  open(...args: unknown[]): unknown;
  setRequestHeader(...args: unknown[]): unknown;
  send(...args: unknown[]): unknown;
}

/** What an XHR exposes after `loadend` that the hook reads. */
interface XhrLike {
  readonly status: number;
  readonly statusText: string;
  readonly responseType: string;
  readonly responseURL: string;
  readonly responseText: string;
  readonly response: unknown;
  getAllResponseHeaders(): string;
}

interface XhrState {
  method: string;
  url: string;
  headers: Header[];
  /** `send` was called since `open`: a second `send` throws in the page and must not add a second copy. */
  sent?: boolean;
}

function cut(text: string): { text: string; truncated?: true } {
  return text.length > MAX_HOOK_TEXT ? { text: text.slice(0, MAX_HOOK_TEXT), truncated: true } : { text };
}

/** The exchange after `loadend`: status, headers and (for text and JSON response types) the body. */
function finish(xhr: XhrLike, obs: Observation, env: HookEnv): Observation {
  const notes = obs.notes ?? [];
  obs.endedAt = env.now();
  if (xhr.status === 0) {
    notes.push('no response (network error, abort, timeout or CORS)');
  } else {
    obs.status = xhr.status;
    if (xhr.statusText) obs.statusText = xhr.statusText;
    obs.responseHeaders = parseHeaderBlock(xhr.getAllResponseHeaders());
    if (xhr.responseURL && xhr.responseURL !== withoutFragment(obs.url)) {
      obs.notes = notes;
      followRedirect(obs, xhr.responseURL);
    }
    const type = obs.responseHeaders.find((h) => h.name.toLowerCase() === 'content-type')?.value;
    const responseType = xhr.responseType;
    if (responseType === '' || responseType === 'text') {
      obs.responseBody = cut(xhr.responseText);
    } else if (responseType === 'json') {
      const json = JSON.stringify(xhr.response);
      if (json !== undefined) obs.responseBody = cut(json);
      notes.push('response body re-serialised from responseType "json" (formatting and duplicate names lost)');
    } else {
      notes.push(`response body not read by the page hook (responseType "${responseType.slice(0, 20)}")`);
    }
    if (obs.responseBody && type) obs.responseBody.mimeType = type;
  }
  if (notes.length > 0) obs.notes = notes;
  return obs;
}

/**
 * Replaces `open`, `setRequestHeader` and `send` on the prototype with functions that call the originals with
 * the same `this` and arguments and return their results (exceptions included), and for URLs the sink wants
 * remember the method, resolved URL, headers and body, then offer the exchange after `loadend` (status, headers,
 * text or JSON body up to 512 KB). Nothing the hook adds can throw into the page; its `loadend` listener is added
 * with the original `addEventListener`. Does not read `blob`, `arraybuffer` or `document` responses.
 */
export function wrapXhr(
  proto: XhrPrototype,
  sink: HookSink,
  env: HookEnv,
  addEventListener: EventTarget['addEventListener'] = EventTarget.prototype.addEventListener,
): void {
  const states = new WeakMap<object, XhrState>();
  const { open, setRequestHeader, send } = proto;

  proto.open = function (this: object, ...args: unknown[]): unknown {
    const result = open.apply(this, args);
    try {
      const url = new URL(String(args[1]), env.baseUrl()).href;
      states.set(this, { method: String(args[0]).toUpperCase(), url, headers: [] });
    } catch {
      states.delete(this);
    }
    return result;
  };
  proto.setRequestHeader = function (this: object, ...args: unknown[]): unknown {
    const result = setRequestHeader.apply(this, args);
    try {
      states.get(this)?.headers.push({ name: String(args[0]), value: String(args[1]) });
    } catch {
      // Only the copy is affected.
    }
    return result;
  };
  proto.send = function (this: object, ...args: unknown[]): unknown {
    try {
      const state = states.get(this);
      if (state && !state.sent && sink.wants(state.url)) {
        state.sent = true;
        const obs: Observation = {
          source: 'page-hook',
          method: state.method,
          url: state.url,
          startedAt: env.now(),
          requestHeaders: [...state.headers],
        };
        const described = describeRequestBody(args[0]);
        if (described.body) obs.requestBody = described.body;
        if (described.form) obs.requestForm = described.form;
        if (described.note) obs.notes = [described.note];
        const xhr = this as unknown as XhrLike;
        const onLoadEnd = (): void => {
          try {
            sink.offer(finish(xhr, obs, env));
          } catch {
            // Reading the response failed (a page that replaced XHR getters): nothing to offer.
          }
        };
        addEventListener.call(this, 'loadend', onLoadEnd, { once: true });
      }
    } catch {
      // Capture is best effort; the page's request goes on below.
    }
    return send.apply(this, args);
  };
  for (const [name, original] of [['open', open], ['setRequestHeader', setRequestHeader], ['send', send]] as const) {
    try {
      Object.defineProperty(proto[name], 'length', { value: original.length });
      Object.defineProperty(proto[name], 'name', { value: name });
    } catch {
      // Cosmetic only.
    }
  }
}
