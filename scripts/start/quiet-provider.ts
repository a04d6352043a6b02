/**
 * Drops oidc-provider's warnings from the `npm start` output: the development-mode ones (in-memory adapter, dev
 * login pages) because the demo provider is development-only on purpose and they read like a failure, and the
 * runtime one (it asks for Node 22; the demo and the e2e tests run on Node 20). Must be installed before
 * oidc-provider is imported (main.ts loads the demo afterwards). Does not touch any other console output.
 */

const PREFIX = 'oidc-provider WARNING: ';

/** Filters `console.warn` from now on; returns a function that restores it. */
export function quietProviderWarnings(): () => void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    // oidc-provider colours the line on a terminal: look past an ANSI prefix.
    // eslint-disable-next-line no-control-regex -- matching the ESC of a colour code is the point
    if (typeof args[0] === 'string' && args[0].replace(/^\x1b\[[\d;]*m/, '').startsWith(PREFIX)) return;
    warn(...args);
  };
  return () => void (console.warn = warn);
}
