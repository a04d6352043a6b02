/**
 * The messages between the page hook (MAIN world) and its relay (the extension's ISOLATED world) in one page.
 * Both post to their own window (`window.postMessage(message, location.origin)`), so the page can read and forge
 * them: the relay and the worker check everything, and nothing here is a secret.
 */
import type { Observation } from '../core/capture/observation.js';

/** Marks this extension's messages among the page's own. */
export const HOOK_TAG = 'token-inspector:page-hook';

/** Hook → relay: one exchange the page made, or "I am ready, send me the domains". */
export type HookMessage =
  | { tag: typeof HOOK_TAG; kind: 'observation'; observation: Observation }
  | { tag: typeof HOOK_TAG; kind: 'hello' };

/** Relay → hook: the configured domains (as the user wrote them) whose exchanges the hook forwards. */
export interface ConfigMessage {
  tag: typeof HOOK_TAG;
  kind: 'config';
  domains: string[];
}

function tagged(data: unknown): data is { tag: string; kind: unknown } {
  return typeof data === 'object' && data !== null && (data as { tag?: unknown }).tag === HOOK_TAG;
}

/** Whether `data` is a hook message by shape (tag and kind only: the observation is checked by the receiver). */
export function isHookMessage(data: unknown): data is HookMessage {
  if (!tagged(data)) return false;
  if (data.kind === 'hello') return true;
  return data.kind === 'observation' && typeof (data as { observation?: unknown }).observation === 'object';
}

/** Whether `data` is a config message with a list of strings. Does not parse the domains. */
export function isConfigMessage(data: unknown): data is ConfigMessage {
  if (!tagged(data) || data.kind !== 'config') return false;
  const domains = (data as { domains?: unknown }).domains;
  return Array.isArray(domains) && domains.every((d) => typeof d === 'string');
}
