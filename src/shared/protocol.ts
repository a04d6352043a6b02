/**
 * The typed messages between the extension's parts: named ports (panel and devtools page to the worker) and
 * one-off runtime messages (page-hook relay, options page). Every message is a discriminated union on `type`;
 * receivers handle them through a record of handlers, never an if-chain.
 */
import type { AnalysisResult } from '../core/analyze.js';
import type { Exchange } from '../core/model.js';
import type { Observation } from '../core/capture/observation.js';

/** Port names: the worker routes a connecting port by its name. */
export const PORT_PANEL = 'ti-panel';
export const PORT_DEVTOOLS = 'ti-devtools';

/** How one capture source stands for a tab: capturing, switched off, without host access, not open, paused. */
export type SourceState = 'active' | 'off' | 'no-access' | 'closed' | 'paused';

/** One capture source's state for a tab, with the words that explain it. */
export interface SourceHealth {
  source: 'webRequest' | 'page-hook' | 'devtools' | 'filterResponseData';
  state: SourceState;
  detail: string;
}

/** What can capture a tab now (issue 9 §4, the panel's capture-health line). */
export interface CaptureHealth {
  /** The tab's host, when the worker or the tab's devtools page could tell. */
  host?: string;
  /** The tab's host is a configured domain. */
  configured: boolean;
  /** The configured domains, as the user wrote them. */
  domains: string[];
  /** DevTools is open on the tab. */
  devtoolsOpen: boolean;
  sources: SourceHealth[];
  /** When the current pause began (milliseconds), while paused. */
  pausedAt?: number;
  /** Requests dropped during the current pause. */
  droppedWhilePaused: number;
}

/** The state of one tab's capture, as a panel shows it. */
export interface TabState {
  tabId: number;
  /** Captured exchanges, oldest first. */
  exchanges: Exchange[];
  /** The analysis of `exchanges`, or undefined before the first one finished. */
  analysis?: AnalysisResult;
  /** Unix seconds the analysis used as "now". */
  analyzedAt?: number;
  paused: boolean;
  preserve: boolean;
  /** Exchanges evicted from this tab because a cap was reached, since the last clear. */
  evicted: number;
  /** Approximate stored size of this tab's exchanges in bytes. */
  bytes: number;
  /**
   * Exchanges held in the worker's memory only, because session storage was full or failing (absent when none):
   * a worker restart loses them. Each also carries a note saying so.
   */
  unsaved?: number;
  /** What captures the tab now; absent from workers that could not tell. */
  health?: CaptureHealth;
}

/** Panel → worker, over {@link PORT_PANEL}. */
export type PanelRequest =
  | { type: 'subscribe'; tabId: number }
  | { type: 'pause'; tabId: number }
  | { type: 'resume'; tabId: number }
  | { type: 'clear'; tabId: number }
  | { type: 'preserve'; tabId: number; preserve: boolean };

/** Worker → panel, over {@link PORT_PANEL}. */
export type PanelPush = { type: 'state'; state: TabState } | { type: 'error'; code: string; message: string };

/**
 * Devtools page → worker, over {@link PORT_DEVTOOLS}: observations from `devtools.network` for the inspected tab,
 * and `inspected` when DevTools opens on a tab, when its page navigates, and again on every new port (the worker
 * learns that DevTools is open there, and the page's address, which it may not be allowed to read itself).
 */
export type DevtoolsRequest =
  | { type: 'observations'; tabId: number; observations: Observation[] }
  | { type: 'inspected'; tabId: number; url: string };

/** One-off runtime messages to the worker (page-hook relay, options page, tests), answered with a promise. */
export type RuntimeRequest =
  | { type: 'ping' }
  /** From the page-hook relay (a content script): the tab is the sender's. */
  | { type: 'page-observations'; observations: Observation[] }
  /**
   * From the page-hook relay at document_start: whether its hook should capture at all. The answer says nothing
   * about the configuration (the relay runs in the page's process); the worker filters what the relay sends.
   */
  | { type: 'hook-config' }
  /** From the options page after settings changed: re-register capture for the new domains. */
  | { type: 'settings-changed' }
  /** Deep capture (debugger build only): attach to or detach from a tab. */
  | { type: 'deep-capture'; tabId: number; on: boolean }
  /** For tests and the benchmark, from extension pages only: counters of capture callbacks and stored state. */
  | { type: 'stats' };

/** Answers to {@link RuntimeRequest}s, by request type. */
export interface RuntimeResponses {
  ping: { type: 'pong'; rules: number };
  /** Says nothing about what was kept: that would tell the page which URLs are configured. */
  'page-observations': { ok: true };
  'hook-config': { capture: boolean };
  'settings-changed': { ok: true };
  'deep-capture': { ok: boolean; error?: string };
  stats: CaptureStats;
}

/** Counters the worker keeps in memory (reset when it restarts) plus totals from the store. */
export interface CaptureStats {
  /** Capture callbacks run, per source, since the worker started. */
  callbacks: Record<string, number>;
  /** Observations dropped because their URL was not on a configured domain. */
  ignored: number;
  tabs: number;
  exchanges: number;
  bytes: number;
  evicted: number;
  workerStartedAt: number;
}
