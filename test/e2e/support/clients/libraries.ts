/**
 * The client-library matrix: for each real library, how the provider must look to it (client-provider.ts), whether
 * the world runs on https, and the steps its app runs (apps/<library>.ts), in order. Data only: starts nothing.
 */
import type { ProviderShape } from './client-provider.js';

/** The libraries of the matrix; each names its app module under apps/. */
export const CLIENT_LIBRARIES = ['oidc-client-ts', 'keycloak-js', 'msal-browser', 'auth0-spa-js'] as const;
/** One library of the matrix. */
export type ClientLibrary = (typeof CLIENT_LIBRARIES)[number];

/**
 * The steps an app can report: `authorize` (the login's redirect came back), `token` (code exchanged),
 * `userinfo`, `refresh` (refresh token grant, asking for the e2e API), `silent` (a new login without the user:
 * a hidden iframe with prompt=none, or Auth0's web_message).
 */
export type ClientStep = 'authorize' | 'token' | 'userinfo' | 'refresh' | 'silent';

/** How the world of one library is set up. */
export interface LibraryWorld {
  provider: ProviderShape;
  /** Provider and app on https (MSAL refuses an http authority); browsers then need `--ignore-certificate-errors`. */
  https: boolean;
  /** The steps its app runs, in order. */
  steps: readonly ClientStep[];
  /** How the login is started: a full-page redirect, or (MSAL only) also a popup. */
  modes: readonly ('redirect' | 'popup')[];
}

/** The realm of the Keycloak-shaped provider. */
export const KEYCLOAK_REALM = 'e2e';

const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  userinfo: '/protocol/openid-connect/userinfo',
  jwks: '/protocol/openid-connect/certs',
  end_session: '/protocol/openid-connect/logout',
  revocation: '/protocol/openid-connect/revoke',
  introspection: '/protocol/openid-connect/token/introspect',
};

const AUTH0_ROUTES = {
  authorization: '/authorize',
  token: '/oauth/token',
  userinfo: '/userinfo',
  jwks: '/.well-known/jwks.json',
  end_session: '/v2/logout',
  revocation: '/oauth/revoke',
};

const ALL_STEPS = ['authorize', 'token', 'userinfo', 'refresh', 'silent'] as const;

/** The world of each library; MSAL's is the only https one and the only one that also logs in by popup. */
export const LIBRARY_WORLDS: Record<ClientLibrary, LibraryWorld> = {
  'oidc-client-ts': { provider: { issuerPath: '' }, https: false, steps: ALL_STEPS, modes: ['redirect'] },
  'keycloak-js': {
    // keycloak-js decodes access and refresh tokens and sends its token calls with credentials.
    provider: { issuerPath: `/realms/${KEYCLOAK_REALM}`, routes: KEYCLOAK_ROUTES, corsCredentials: true, keycloakTokens: true },
    https: false,
    steps: ALL_STEPS,
    modes: ['redirect'],
  },
  'msal-browser': { provider: { issuerPath: '' }, https: true, steps: ALL_STEPS, modes: ['redirect', 'popup'] },
  // Auth0's issuer ends in a slash; its silent authentication answers by web_message.
  'auth0-spa-js': { provider: { issuerPath: '/', routes: AUTH0_ROUTES, webMessageResponseMode: true }, https: false, steps: ALL_STEPS, modes: ['redirect'] },
};
