/** The worker's side of the page hook: what the relay sends, checked before it reaches the store. */
import type { Observation } from '../../core/capture/observation.js';
import { sanitizeObservation } from '../../capture/observation-guard.js';
import { urlOnDomains } from '../../shared/domains.js';
import type { CaptureContext } from './context.js';
import { clampPageTimes } from './page-times.js';
import { createSettingsGate, type SettingsGate } from './settings-gate.js';

/** Observations taken from one message at most; the relay sends batches of 20. */
export const MAX_PAGE_OBSERVATIONS = 100;
/** Characters of body text taken from one message at most (the rest of the batch is dropped). */
export const MAX_PAGE_BODY_CHARS = 8 * 1024 * 1024;

const gates = new WeakMap<CaptureContext, SettingsGate>();

function gateOf(ctx: CaptureContext): SettingsGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = createSettingsGate(ctx);
    gates.set(ctx, gate);
  }
  return gate;
}

function listOf(payload: unknown): unknown[] | undefined {
  if (Array.isArray(payload)) return payload;
  if (typeof payload === 'object' && payload !== null) {
    const inner = (payload as { observations?: unknown }).observations;
    if (Array.isArray(inner)) return inner;
  }
  return undefined;
}

function bodyChars(obs: Observation): number {
  return (obs.requestBody?.text.length ?? 0) + (obs.responseBody?.text.length ?? 0);
}

/**
 * Takes the observations a page-hook relay sent for `tabId` (`payload` is the message's `observations` array or
 * the whole `{ type: 'page-observations', observations }` message): each is rebuilt by `sanitizeObservation`
 * (source forced to 'page-hook', no key, sizes bounded), only those whose URL is on a configured domain are
 * kept (the relay sends every exchange of its page, as it never learns the domains), at most
 * {@link MAX_PAGE_BODY_CHARS} of their bodies, and their times are clamped to the worker's clock at arrival
 * (`now`, page-times.ts). Returns how many were recorded; 0 for a tab < 0, a payload that is not a list, or while
 * the page-hook source is switched off. While the worker is still loading its settings the domain check and the
 * recording wait for them (the count is then of the valid ones). Never throws. Does not trust anything in the
 * payload, including its claimed source and times; the caller must not tell the page the count (it says which
 * URLs are configured).
 */
export function acceptPageObservations(ctx: CaptureContext, tabId: number, payload: unknown, now: number = Date.now()): number {
  ctx.count('page-hook');
  if (!Number.isInteger(tabId) || tabId < 0) return 0;
  const list = listOf(payload);
  if (!list) return 0;
  const valid: Observation[] = [];
  for (const item of list.slice(0, MAX_PAGE_OBSERVATIONS)) {
    const obs = sanitizeObservation(item, 'page-hook');
    if (obs) valid.push(clampPageTimes(obs, now));
  }
  const recordOnDomains = (): number => {
    if (!ctx.settings().sources.pageHook) return 0;
    const domains = ctx.domains();
    const kept: Observation[] = [];
    let chars = 0;
    for (const obs of valid) {
      if (!urlOnDomains(obs.url, domains)) continue;
      chars += bodyChars(obs);
      if (chars > MAX_PAGE_BODY_CHARS) break;
      kept.push(obs);
    }
    if (kept.length > 0) ctx.record(tabId, kept);
    return kept.length;
  };
  const gate = gateOf(ctx);
  if (gate.isOpen()) return recordOnDomains();
  gate.run(recordOnDomains);
  return valid.length;
}
