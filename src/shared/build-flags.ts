/**
 * Choices made when the extension was built, injected by vite.config.ts (`define`). One module reads them so the
 * rest of the code imports plain constants.
 */
declare const __TI_BROWSER__: 'chrome' | 'firefox';
declare const __TI_DOMAINS__: string[];
declare const __TI_DEEP_CAPTURE__: boolean;

/** The browser this build targets. */
export const TARGET_BROWSER: 'chrome' | 'firefox' = __TI_BROWSER__;
/** Domains baked in with `TOKEN_INSPECTOR_DOMAINS` at build time (also in the manifest's host permissions). */
export const BUILD_DOMAINS: readonly string[] = __TI_DOMAINS__;
/** The deep-capture flavour (`TOKEN_INSPECTOR_DEEP_CAPTURE=1`): the `debugger` permission is in the manifest. */
export const DEEP_CAPTURE: boolean = __TI_DEEP_CAPTURE__;
