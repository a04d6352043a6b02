/**
 * A vite plugin that keeps crxjs's IIFE content scripts (`*.iife.js`, from `?script&iife` imports) out of
 * `web_accessible_resources`. crxjs lists every dynamic script there for all http(s) pages, which lets any site
 * detect the extension by fetching the file; a script the worker registers with `scripting.registerContentScripts`
 * is injected by the browser and needs no such access, and an IIFE imports nothing at run time. Leaves every other
 * resource (e.g. chunks a `?script` loader imports) alone.
 */
import type { CrxPlugin } from '@crxjs/vite-plugin';

const IIFE_FILE = /\.iife\.js(\.map)?$/;

/** The entries without IIFE scripts, dropping entries left empty. Does not mutate its input. */
export function withoutIifeScripts<T extends { resources: string[] }>(entries: readonly T[]): T[] {
  return entries
    .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => !IIFE_FILE.test(r)) }))
    .filter((entry) => entry.resources.length > 0);
}

/** The plugin; list it after `crx()`. Its hook runs after crxjs has written `web_accessible_resources`. */
export function privateIifeScripts(): CrxPlugin {
  return {
    name: 'token-inspector:private-iife-scripts',
    enforce: 'post',
    // A crxjs hook (not a vite one): called with the final manifest before it is written.
    renderCrxManifest(manifest) {
      if (!manifest.web_accessible_resources) return manifest;
      const kept = withoutIifeScripts(manifest.web_accessible_resources);
      if (kept.length > 0) manifest.web_accessible_resources = kept;
      else delete manifest.web_accessible_resources;
      return manifest;
    },
  };
}
