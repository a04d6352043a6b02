/**
 * Which capture-source switches the options page shows in this build, and their words. Pure.
 */
import type { CaptureSourceSetting } from '../shared/settings.js';

/** A capture source switch: its setting key, label and a sentence on what it sees. */
export interface SourceInfo {
  key: CaptureSourceSetting;
  label: string;
  description: string;
}

const SOURCES: Record<CaptureSourceSetting, Omit<SourceInfo, 'key'>> = {
  webRequest: {
    label: 'Network requests (webRequest)',
    description: 'Request headers and bodies, status, response headers and redirects on configured domains.',
  },
  pageHook: {
    label: 'Page hook (fetch and XMLHttpRequest)',
    description: 'Response bodies of calls made by scripts of pages on configured domains.',
  },
  devtools: {
    label: 'DevTools network log',
    description: 'Requests and bodies DevTools recorded, while DevTools is open on the tab.',
  },
  filterResponseData: {
    label: 'Response filter (Firefox)',
    description: 'Response bodies on configured domains, passed to the page unchanged.',
  },
  debugger: {
    label: 'Deep capture (debugger)',
    description: 'Every body of a tab, switched on per tab from the panel; Chrome then shows that the extension is debugging the browser.',
  },
};

/**
 * The switches of a build: webRequest, page hook and DevTools always; the response filter only in the Firefox
 * build; the debugger only in the deep-capture build. Does not read the user's settings.
 */
export function visibleSources(target: 'chrome' | 'firefox', deepCapture: boolean): SourceInfo[] {
  const keys: CaptureSourceSetting[] = ['webRequest', 'pageHook', 'devtools'];
  if (target === 'firefox') keys.push('filterResponseData');
  if (deepCapture) keys.push('debugger');
  return keys.map((key) => ({ key, ...SOURCES[key] }));
}
