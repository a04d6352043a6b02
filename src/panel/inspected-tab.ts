import { browser } from '../shared/browser.js';

/**
 * The id of the tab DevTools inspects, when this page runs as a DevTools panel; undefined in a normal tab,
 * where `browser.devtools` does not exist. Never throws.
 */
export function inspectedTabId(): number | undefined {
  try {
    return browser.devtools?.inspectedWindow?.tabId;
  } catch {
    return undefined;
  }
}
