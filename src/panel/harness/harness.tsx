/**
 * The panel outside the extension, fed by hand: the fast Playwright tests and the benchmark load this page and
 * drive it through `window.tiHarness` (set a tab state, move the clock, read what the panel sent and exported).
 * Built only by `vite build --mode harness` into build/harness; never part of the extension.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { TabState } from '../../shared/protocol.js';
import { App } from '../App.js';
import { chooseTheme, followTheme } from '../theme.js';
import { createFakeConnection } from './fake-connection.js';
import '../panel.css';

/** What the harness page offers its driver. */
export interface HarnessApi {
  setState(state: TabState | undefined): void;
  setStatus(status: 'connected' | 'reconnecting'): void;
  /** Sets the panel's clock (unix seconds). */
  setNow(seconds: number): void;
  sent(): unknown[];
  /** Exports the panel made: file name, MIME type and text. */
  exports: { filename: string; mimeType: string; text: string }[];
  copied: string[];
  /** Hosts "Capture <host> with DevTools closed too" was clicked for (the harness grants every one). */
  captured: string[];
  /** Milliseconds from `setState` to the next painted frame (for the benchmark). */
  renderTime(state: TabState): Promise<number>;
}

declare global {
  interface Window {
    tiHarness: HarnessApi;
  }
}

const params = new URLSearchParams(location.search);
followTheme(document.documentElement, chooseTheme(location.search, undefined), (q) => matchMedia(q));
const tabId = Number(params.get('tab') ?? '1');
const connection = createFakeConnection();
const now = signal(Math.floor(Date.now() / 1000));
const exports: HarnessApi['exports'] = [];
const copied: string[] = [];
const captured: string[] = [];
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

window.tiHarness = {
  setState: (state) => connection.setState(state),
  setStatus: (status) => connection.setStatus(status),
  setNow: (seconds) => (now.value = seconds),
  sent: () => [...connection.sent],
  exports,
  copied,
  captured,
  async renderTime(state) {
    const start = performance.now();
    connection.setState(state);
    await nextFrame();
    return performance.now() - start;
  },
};

render(
  <App
    connection={connection}
    tabId={tabId}
    nowSeconds={now}
    offlineOptions={async () => ({ skew: 60, clientIds: [] })}
    download={(filename, text, mimeType) => exports.push({ filename, mimeType, text })}
    copy={async (text) => void copied.push(text)}
    captureHost={async (host) => {
      captured.push(host);
      return { ok: true, message: `${host} is a configured domain now: captured with DevTools closed too.` };
    }}
  />,
  document.getElementById('app')!,
);
