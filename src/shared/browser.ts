import browser from 'webextension-polyfill';

/**
 * The WebExtension API as promises, in Chrome and Firefox: the one place that imports webextension-polyfill,
 * so a later switch to the native `browser` namespace touches one file. Where the browser already provides
 * `browser` (Firefox, Chrome 144+) the polyfill hands back the native object. Does not feature-detect single
 * APIs; callers do that.
 */
export { browser };
