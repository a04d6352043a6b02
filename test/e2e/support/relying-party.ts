/**
 * The relying parties of the e2e tests, in one place: the single-page app (public client, tokens visible to the
 * page), the server-side app (confidential client, tokens never reach the browser) and a site on a domain that
 * is not configured. See each module for what it does and does not do.
 */
export { startSpaServer, type SpaServer } from './spa-server.js';
export { startServerRp, type ServerRp } from './server-rp.js';
export { startUnconfiguredSite, UNCONFIGURED_HOST } from './unconfigured-site.js';
