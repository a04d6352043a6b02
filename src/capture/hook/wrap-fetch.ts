/** The page hook's `fetch`: the page's own fetch, plus a copy of what configured hosts answer. */
import type { Observation } from '../../core/capture/observation.js';
import type { HookSink } from './forwarder.js';
import { headerList } from './headers.js';
import { isReadableType, readLimited } from './read-response.js';
import { followRedirect } from './redirect.js';
import { MAX_HOOK_TEXT, classOf, describeRequestBody } from './request-body.js';

/** What the wrappers need from the page: a clock and the base URL, taken before page scripts could change them. */
export interface HookEnv {
  /** Milliseconds since the epoch. */
  now(): number;
  /** The document's base URL, to resolve relative request URLs. */
  baseUrl(): string;
}

/** An exchange being captured: the observation so far and, for a Request input, its body being read. */
interface Started {
  obs: Observation;
  requestBody?: Promise<void>;
}

const ERROR_NOTE_CHARS = 200;

function startCapture(args: Parameters<typeof fetch>, sink: HookSink, env: HookEnv): Started | undefined {
  const [input, init] = args;
  const request = classOf(input) === 'Request' ? (input as Request) : undefined;
  const url = new URL(request ? request.url : String(input), env.baseUrl()).href;
  if (!sink.wants(url)) return undefined;
  const method = String(init?.method ?? request?.method ?? 'GET').toUpperCase();
  const obs: Observation = { source: 'page-hook', method, url, startedAt: env.now() };
  const notes: string[] = [];
  try {
    const headers = init?.headers !== undefined ? new Headers(init.headers) : request?.headers;
    obs.requestHeaders = headerList(headers);
  } catch {
    notes.push('request headers could not be read by the page hook');
  }
  const started: Started = { obs };
  if (init?.body !== undefined && init.body !== null) {
    const described = describeRequestBody(init.body);
    if (described.body) obs.requestBody = described.body;
    if (described.form) obs.requestForm = described.form;
    if (described.note) notes.push(described.note);
  } else if (request?.body && !request.bodyUsed) {
    // Cloned before the page's fetch consumes the original.
    const copy = request.clone();
    started.requestBody = readLimited(copy, MAX_HOOK_TEXT).then(
      ({ text, truncated }) => {
        obs.requestBody = truncated ? { text, truncated } : { text };
      },
      () => {
        notes.push('request body could not be read by the page hook');
      },
    );
  }
  if (notes.length > 0) obs.notes = notes;
  return started;
}

function note(obs: Observation, text: string): void {
  (obs.notes ??= []).push(text);
}

async function readResponse(started: Started, response: Response, env: HookEnv): Promise<Observation> {
  const { obs } = started;
  if (response.type === 'opaque' || response.type === 'opaqueredirect') {
    note(obs, `response not readable by the page (${response.type} response)`);
    return obs;
  }
  obs.status = response.status;
  if (response.statusText) obs.statusText = response.statusText;
  obs.responseHeaders = headerList(response.headers);
  if (response.redirected && response.url && response.url !== obs.url) followRedirect(obs, response.url);
  const type = response.headers.get('content-type');
  if (!isReadableType(type)) {
    note(obs, `response body not read by the page hook (content type ${String(type).slice(0, 100)})`);
    return obs;
  }
  // Cloned synchronously, before any callback the page attached later can read the body.
  const copy = response.clone();
  try {
    const { text, truncated } = await readLimited(copy);
    obs.responseBody = { text };
    if (type) obs.responseBody.mimeType = type;
    if (truncated) obs.responseBody.truncated = true;
  } catch {
    note(obs, 'response body could not be read by the page hook');
  }
  obs.endedAt = env.now();
  return obs;
}

function follow(result: Promise<Response>, started: Started, sink: HookSink, env: HookEnv): void {
  const finish = (obs: Observation): void => {
    void Promise.resolve(started.requestBody).then(() => sink.offer(obs));
  };
  result.then(
    (response) => {
      started.obs.endedAt = env.now();
      let reading: Promise<Observation>;
      try {
        reading = readResponse(started, response, env);
      } catch {
        note(started.obs, 'response could not be read by the page hook');
        reading = Promise.resolve(started.obs);
      }
      reading.then(finish, () => finish(started.obs));
    },
    (error: unknown) => {
      started.obs.endedAt = env.now();
      note(started.obs, `fetch failed: ${String(error).slice(0, ERROR_NOTE_CHARS)}`);
      finish(started.obs);
    },
  );
}

/**
 * A `fetch` that calls `original` with the same `this` and arguments and returns its very promise, so the page
 * gets exactly what it got before; for URLs the sink wants it also reads the request (method, resolved URL,
 * headers given, string / URLSearchParams / FormData bodies) and a clone of the response (status, headers, text
 * up to 512 KB, for readable content types) and offers the exchange to the sink. Opaque responses and failures
 * are offered with a note. Nothing it does can throw into the page or reject the page's promise.
 * Does not see headers the browser adds (cookies, Authorization from the HTTP cache) or change any request.
 */
export function wrapFetch(original: typeof fetch, sink: HookSink, env: HookEnv): typeof fetch {
  const wrapped = function fetch(this: unknown, ...args: Parameters<typeof original>): Promise<Response> {
    let started: Started | undefined;
    try {
      started = startCapture(args, sink, env);
    } catch {
      started = undefined;
    }
    const result = original.apply(this, args);
    if (started) {
      try {
        follow(result, started, sink, env);
      } catch {
        // Not a promise after all (a page that replaced fetch before us): nothing to follow.
      }
    }
    return result;
  };
  try {
    Object.defineProperty(wrapped, 'length', { value: original.length });
  } catch {
    // Cosmetic only.
  }
  return wrapped;
}
