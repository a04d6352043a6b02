/**
 * Which page-hook content scripts should be registered, and what to change to get there. Pure: the browser
 * calls are content-scripts.ts.
 */

// Fixed ids, so that a restarted worker finds (and updates) what an earlier one registered.
/** The registration id of the page hook (MAIN world). */
export const HOOK_SCRIPT_ID = 'ti-page-hook';
/** The registration id of the relay (ISOLATED world). */
export const RELAY_SCRIPT_ID = 'ti-relay';
/** Both ids: the registrations this module owns. */
export const PAGE_HOOK_SCRIPT_IDS = [HOOK_SCRIPT_ID, RELAY_SCRIPT_ID];

/** The members of a registered content script this module sets and compares. */
export interface PageScript {
  id: string;
  js?: string[];
  matches?: string[];
  runAt?: string;
  allFrames?: boolean;
  world?: string;
  persistAcrossSessions?: boolean;
}

/** The script files as built (crxjs gives `?script&iife` imports as paths, possibly with a leading slash). */
export interface PageScriptFiles {
  hook: string;
  relay: string;
}

/** What to do: scripts to unregister (ids), to register, to update. */
export interface ScriptPlan {
  unregister: string[];
  register: PageScript[];
  update: PageScript[];
}

function file(path: string): string {
  return path.replace(/^\/+/, '');
}

/**
 * The two scripts for these match patterns: the hook in the page's world (MAIN) and its relay (ISOLATED), both at
 * document_start in every frame, kept across browser restarts. No patterns: no scripts.
 */
export function pageScripts(patterns: readonly string[], files: PageScriptFiles): PageScript[] {
  if (patterns.length === 0) return [];
  const matches = [...new Set(patterns)].sort();
  const common = { matches, runAt: 'document_start', allFrames: true, persistAcrossSessions: true };
  return [
    { id: HOOK_SCRIPT_ID, js: [file(files.hook)], world: 'MAIN', ...common },
    { id: RELAY_SCRIPT_ID, js: [file(files.relay)], world: 'ISOLATED', ...common },
  ];
}

function same(a: PageScript, b: PageScript): boolean {
  const list = (v: string[] | undefined) => JSON.stringify([...(v ?? [])].map(file).sort());
  return (
    list(a.js) === list(b.js) &&
    list(a.matches) === list(b.matches) &&
    (a.runAt ?? 'document_idle') === (b.runAt ?? 'document_idle') &&
    Boolean(a.allFrames) === Boolean(b.allFrames) &&
    (a.world ?? 'ISOLATED') === (b.world ?? 'ISOLATED')
  );
}

/**
 * The changes from the `existing` registrations (as `getRegisteredContentScripts` lists them; other ids are
 * ignored) to the `desired` ones: register what is missing, update what differs, unregister what is no longer
 * desired. Empty lists when nothing changes.
 */
export function planScripts(existing: readonly PageScript[], desired: readonly PageScript[]): ScriptPlan {
  const plan: ScriptPlan = { unregister: [], register: [], update: [] };
  const ours = existing.filter((s) => PAGE_HOOK_SCRIPT_IDS.includes(s.id));
  for (const want of desired) {
    const have = ours.find((s) => s.id === want.id);
    if (!have) plan.register.push(want);
    else if (!same(have, want)) plan.update.push(want);
  }
  for (const have of ours) if (!desired.some((s) => s.id === have.id)) plan.unregister.push(have.id);
  return plan;
}
