/**
 * Deep capture (Chrome, deep-capture build only): `chrome.debugger` on a tab the user chose, for the bodies no
 * other source can read (server-rendered pages, navigations). Chrome shows its "is debugging this browser" bar
 * while attached; the panel tells the user before asking.
 */
import type { Observation } from '../../core/capture/observation.js';
import { browser } from '../../shared/browser.js';
import { DEEP_CAPTURE } from '../../shared/build-flags.js';
import { urlOnDomains } from '../../shared/domains.js';
import { MAX_BODY_BYTES } from './bytes.js';
import type { CaptureContext } from './context.js';
import { DebuggerTracker, type DebuggerAction } from './debugger-tracker.js';

/** The part of `chrome.debugger` (MV3, promise form) used here. */
interface DebuggerApi {
  attach(target: { tabId: number }, version: string): Promise<void>;
  detach(target: { tabId: number }): Promise<void>;
  sendCommand(target: { tabId: number }, method: string, params?: object): Promise<unknown>;
  onEvent: { addListener(cb: (source: { tabId?: number }, method: string, params?: unknown) => void): void };
  onDetach: { addListener(cb: (source: { tabId?: number }, reason: string) => void): void };
}

/** Attaching and detaching deep capture for a tab. */
export interface DeepCapture {
  /** Attaches the debugger and enables network events; rejects with the reason when it cannot. */
  attach(tabId: number): Promise<void>;
  /** Detaches (a tab that is not attached is fine). */
  detach(tabId: number): Promise<void>;
}

const PROTOCOL_VERSION = '1.3';
// Base64 of the body cap, rounded down to whole base64 quads.
const MAX_BODY_CHARS = Math.floor((MAX_BODY_BYTES * 4) / 3 / 4) * 4;

function debuggerApi(): DebuggerApi | undefined {
  const api = (globalThis as { chrome?: { debugger?: DebuggerApi } }).chrome?.debugger;
  return DEEP_CAPTURE && api && typeof api.attach === 'function' ? api : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A `Network.getResponseBody` answer as the observation's body, cut at the body cap. */
function withBody(observation: Observation, answer: unknown): void {
  if (!isRecord(answer) || typeof answer.body !== 'string') return;
  const base64 = answer.base64Encoded === true;
  const limit = base64 ? MAX_BODY_CHARS : MAX_BODY_BYTES;
  const text = answer.body.length > limit ? answer.body.slice(0, limit) : answer.body;
  observation.responseBody = { text };
  if (base64) observation.responseBody.encoding = 'base64';
  if (text.length < answer.body.length) observation.responseBody.truncated = true;
  const type = observation.responseHeaders?.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  if (type) observation.responseBody.mimeType = type;
}

function note(observation: Observation, text: string): void {
  (observation.notes ??= []).push(text);
}

/**
 * Sets up deep capture: registers the debugger event listeners now (call at the worker's top level) and returns
 * attach/detach for the deep-capture message. Events (which come only from attached tabs) are counted, then used
 * while the debugger source is on and for URLs on the configured domains; response bodies are fetched only for
 * those.
 * When the user cancels Chrome's bar or the tab closes, the tab's state is dropped. In a build without deep
 * capture (or a browser without `chrome.debugger`) attach rejects and detach does nothing. Does not re-attach
 * after the user detached, and does not ask for the `debugger` permission (the build's manifest has it).
 */
export function installDeepCapture(ctx: CaptureContext): DeepCapture {
  const api = debuggerApi();
  const trackers = new Map<number, DebuggerTracker>();
  const forget = (tabId: number | undefined): void => {
    if (tabId !== undefined) trackers.delete(tabId);
  };
  const trackerOf = (tabId: number): DebuggerTracker => {
    let tracker = trackers.get(tabId);
    if (!tracker) {
      tracker = new DebuggerTracker((url) => urlOnDomains(url, ctx.domains()), Date.now);
      trackers.set(tabId, tracker);
    }
    return tracker;
  };
  const act = (dbg: DebuggerApi, tabId: number, action: DebuggerAction): void => {
    if (action.type === 'record') {
      ctx.record(tabId, [action.observation]);
      return;
    }
    const target = { tabId };
    const { observation, requestId } = action;
    const body = dbg.sendCommand(target, 'Network.getResponseBody', { requestId }).then(
      (answer) => withBody(observation, answer),
      () => note(observation, 'response body not available to the debugger'),
    );
    const post = action.requestBodyMissing
      ? dbg.sendCommand(target, 'Network.getRequestPostData', { requestId }).then(
          (answer) => {
            if (isRecord(answer) && typeof answer.postData === 'string') observation.requestBody = { text: answer.postData };
          },
          () => note(observation, 'request body not available to the debugger'),
        )
      : undefined;
    void Promise.all([body, post]).then(() => ctx.record(tabId, [observation]));
  };

  if (api) {
    api.onEvent.addListener((source, method, params) => {
      ctx.count('debugger');
      const tabId = source.tabId;
      // Events come only from tabs this extension attached to, also before a worker restart (no tracker yet).
      if (tabId === undefined || tabId < 0 || !ctx.settings().sources.debugger) return;
      const action = trackerOf(tabId).event(method, params);
      if (action) act(api, tabId, action);
    });
    api.onDetach.addListener((source) => forget(source.tabId));
    browser.tabs.onRemoved.addListener((tabId) => forget(tabId));
  }

  return {
    async attach(tabId) {
      if (!api) throw new Error('deep capture is not part of this build');
      if (!ctx.settings().sources.debugger) throw new Error('deep capture is switched off in the options');
      const target = { tabId };
      try {
        await api.attach(target, PROTOCOL_VERSION);
      } catch (err) {
        // Still attached from before a worker restart: the session is the extension's, not the worker's.
        if (!/already attached/i.test(String(err))) throw err;
      }
      try {
        await api.sendCommand(target, 'Network.enable', { maxPostDataSize: MAX_BODY_BYTES });
      } catch (err) {
        await api.detach(target).catch(() => undefined);
        throw err;
      }
      trackerOf(tabId);
    },
    async detach(tabId) {
      forget(tabId);
      if (!api) return;
      await api.detach({ tabId }).catch(() => undefined);
    },
  };
}
