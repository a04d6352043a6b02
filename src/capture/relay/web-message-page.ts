/**
 * The page an authorization endpoint answers `response_mode=web_message` with (issue 9 §3): a 200 document whose
 * inline script posts the code to the window that framed or opened it, then removes itself. Chrome's webRequest
 * sees that navigation but never its body, so the relay (which runs in that frame when the provider's host is
 * configured) reads the scripts the document's parser adds and reports them as the response body of the frame's
 * own request; the engine then reads the authorization response from it (core/classify/web-message.ts).
 */
import type { Observation } from '../../core/capture/observation.js';
import { webMessageResponse } from '../../core/classify/web-message.js';

/** Script text kept at most (a web message page is a few hundred bytes). */
const MAX_TEXT = 64 * 1024;

/** What the watcher needs of the frame. */
export interface FrameDocument {
  /** The frame's address: the authorization request it is the answer to. */
  href: string;
  /** When the frame's navigation started (ms since the epoch): `performance.timeOrigin`. */
  startedAt: number;
  /** Starts observing added `<script>` elements; calls `onScript` with each one's text. Returns a stop function. */
  observeScripts(onScript: (text: string) => void): () => void;
  /** Calls `fn` once the document is parsed. */
  whenParsed(fn: () => void): void;
  /** The HTTP status the frame's document came with, when the browser tells (Navigation Timing `responseStatus`). */
  status(): number | undefined;
}

/** Whether `href` is an authorization request asking for a web message answer. */
export function asksForWebMessage(href: string): boolean {
  try {
    const query = new URL(href).searchParams;
    return (query.get('response_mode') ?? '').split(/[ .]/).includes('web_message') && query.has('client_id');
  } catch {
    return false;
  }
}

/**
 * In a document that answers an authorization request with `response_mode=web_message`, collects the inline
 * scripts as the parser adds them (the page removes its script as it runs) and, once one holds a web message
 * authorization response, reports one observation (source page-hook, GET of the frame's address, the scripts as
 * an HTML response body) through `send`. Does nothing in any other document. Never throws. Does not read anything
 * but script text, and sends at most once.
 */
export function watchWebMessagePage(frame: FrameDocument, send: (observation: Observation) => void, now: () => number): void {
  try {
    if (!asksForWebMessage(frame.href)) return;
    let text = '';
    let sent = false;
    const report = (): void => {
      if (sent || webMessageResponse(text) === undefined) return;
      sent = true;
      stop();
      const observation: Observation = {
        source: 'page-hook',
        method: 'GET',
        url: frame.href,
        startedAt: Math.round(frame.startedAt),
        endedAt: Math.round(now()),
        responseBody: { text, mimeType: 'text/html' },
        notes: ['response body read by the page hook from the scripts of the web_message response page'],
      };
      const status = frame.status();
      if (status !== undefined && Number.isInteger(status) && status >= 100 && status <= 999) observation.status = status;
      send(observation);
    };
    const stop = frame.observeScripts((script) => {
      if (text.length + script.length > MAX_TEXT) return;
      text += `<script>${script}</script>\n`;
      report();
    });
    frame.whenParsed(() => {
      report();
      stop();
    });
  } catch {
    // Reading a frame's scripts is a by-product: it must never disturb the page.
  }
}

/** The {@link FrameDocument} of this content script's document. */
export function thisFrame(doc: Document, win: Window): FrameDocument {
  return {
    href: win.location.href,
    startedAt: win.performance.timeOrigin,
    observeScripts(onScript) {
      // Records keep the removed script nodes: the page's script removes itself before this callback runs.
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) if (node.nodeName === 'SCRIPT') onScript(node.textContent ?? '');
        }
      });
      observer.observe(doc, { childList: true, subtree: true });
      return () => observer.disconnect();
    },
    whenParsed(fn) {
      if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', fn, { once: true });
      else fn();
    },
    status() {
      const entry = win.performance.getEntriesByType?.('navigation')[0] as { responseStatus?: unknown } | undefined;
      return typeof entry?.responseStatus === 'number' && entry.responseStatus > 0 ? entry.responseStatus : undefined;
    },
  };
}
