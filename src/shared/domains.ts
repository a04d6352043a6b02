/**
 * Configured domains for the extension's parts. The implementation lives in the engine
 * (src/core/capture/domains.ts), which also needs it to say which host a missing capture needed.
 */
export * from '../core/capture/domains.js';
