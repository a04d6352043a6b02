/// <reference types="@crxjs/vite-plugin/client" />
/**
 * Registers the page hook and its relay as dynamic content scripts on the configured domains the extension has
 * host access to, and keeps the registration in step with the settings.
 */
import type { Scripting } from 'webextension-polyfill';
import hookFile from '../../capture/page-hook.iife.ts?script&iife';
import relayFile from '../../capture/relay.iife.ts?script&iife';
import { browser } from '../../shared/browser.js';
import { domainPatterns, parseDomains } from '../../shared/domains.js';
import type { Settings } from '../../shared/settings.js';
import { PAGE_HOOK_SCRIPT_IDS, pageScripts, planScripts, type PageScript } from './page-hook-scripts.js';

/** The match patterns of the configured domains that the user granted (a script on others would never run). */
async function grantedPatterns(settings: Settings): Promise<string[]> {
  const patterns = [...new Set(parseDomains(settings.domains).flatMap(domainPatterns))];
  const granted = await Promise.all(
    patterns.map((pattern) => browser.permissions.contains({ origins: [pattern] }).catch(() => false)),
  );
  return patterns.filter((_, i) => granted[i]);
}

async function apply(settings: Settings): Promise<void> {
  const patterns = settings.sources.pageHook ? await grantedPatterns(settings) : [];
  const desired = pageScripts(patterns, { hook: hookFile, relay: relayFile });
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: PAGE_HOOK_SCRIPT_IDS });
  const plan = planScripts(existing as PageScript[], desired);
  if (plan.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.update.length > 0) await browser.scripting.updateContentScripts(plan.update as Scripting.RegisteredContentScript[]);
  if (plan.register.length > 0) await browser.scripting.registerContentScripts(plan.register as Scripting.RegisteredContentScript[]);
}

let queue: Promise<void> = Promise.resolve();

/**
 * Makes the registered page-hook scripts (`ti-page-hook` in the MAIN world, `ti-relay` ISOLATED; document_start,
 * all frames, kept across sessions) match the settings: registered for the configured domains the extension has
 * host access to, updated when they change, unregistered when none remain or the page-hook source is off. Calls
 * run one after another (a second call waits for the first). Rejects when the browser refuses a registration.
 * Does not inject into pages already open (they get the hook on their next load) and does not ask for permissions.
 */
export function syncPageHook(settings: Settings): Promise<void> {
  const run = queue.then(() => apply(settings));
  queue = run.catch(() => undefined);
  return run;
}
