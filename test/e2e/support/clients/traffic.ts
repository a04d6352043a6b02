/**
 * Records what a client library's traffic looked like from the browser, for the infra specs (no extension):
 * where each authorization request ran (the app's page, a popup, a hidden iframe), how each authorization
 * response reached the app (a redirect with the code in the query or the fragment, or a web_message page), how
 * many token calls the context saw and how many of them the app page's own network saw (the rest ran in a Web
 * Worker), and the workers the page started. Only observes; changes no request.
 */
import type { Page, Request, Response } from '@playwright/test';
import type { ClientWorld } from './client-world.js';

/** Where a request ran. */
export type Where = 'app' | 'popup' | 'iframe';

/** How an authorization response reached the app. */
export interface SeenResponse {
  where: Where;
  via: 'query' | 'fragment' | 'web_message';
}

/** What was seen until now. */
export interface Traffic {
  /** Authorization requests (those with a `client_id`, not the provider's own resumes): where, and their `prompt`. */
  authorizations: { where: Where; prompt: string | null; responseMode: string | null }[];
  responses: SeenResponse[];
  /** POSTs to the token endpoint seen by the browser context (pages, frames and workers). */
  tokenCalls: number;
  /** Of those, the ones the app page's own network saw (CDP of the page target: a dedicated worker has its own). */
  pageTokenCalls: number;
  /** URLs of the Web Workers the app page started. */
  workers: string[];
}

const DEFAULT_PATHS = { authorization: '/auth', token: '/token' } as const;

/** The absolute URL of one of the provider's endpoints in this world (its routes, below the issuer's path). */
export function endpointUrl(world: ClientWorld, name: keyof typeof DEFAULT_PATHS): string {
  return `${world.provider.issuer.replace(/\/$/, '')}${world.setup.provider.routes?.[name] ?? DEFAULT_PATHS[name]}`;
}

function whereOf(request: Request, app: Page): Where {
  const frame = request.frame();
  if (frame.page() !== app) return 'popup';
  return frame === app.mainFrame() ? 'app' : 'iframe';
}

const pathOf = (url: string) => url.split(/[?#]/)[0];

/** Starts recording for the app's page (call before it navigates); returns a reader of what was seen. */
export async function recordTraffic(app: Page, world: ClientWorld): Promise<() => Traffic> {
  const authorize = endpointUrl(world, 'authorization');
  const token = endpointUrl(world, 'token');
  const traffic: Traffic = { authorizations: [], responses: [], tokenCalls: 0, pageTokenCalls: 0, workers: [] };
  const context = app.context();
  context.on('request', (request) => {
    if (request.method() === 'POST' && pathOf(request.url()) === token) traffic.tokenCalls += 1;
    if (pathOf(request.url()) !== authorize) return;
    const params = new URL(request.url()).searchParams;
    if (params.has('client_id')) traffic.authorizations.push({ where: whereOf(request, app), prompt: params.get('prompt'), responseMode: params.get('response_mode') });
  });
  context.on('response', (response: Response) => {
    const request = response.request();
    if (!request.url().startsWith(world.provider.issuer.replace(/\/$/, ''))) return;
    const location = response.headers()['location'];
    if (location?.startsWith(world.app.origin)) {
      const url = new URL(location);
      const via = new URLSearchParams(url.hash.slice(1)).has('code') ? 'fragment' : url.searchParams.has('code') ? 'query' : undefined;
      if (via) traffic.responses.push({ where: whereOf(request, app), via });
    } else if (response.status() === 200 && new URL(request.url()).searchParams.get('response_mode') === 'web_message') {
      traffic.responses.push({ where: whereOf(request, app), via: 'web_message' });
    }
  });
  app.on('worker', (worker) => traffic.workers.push(worker.url()));
  const cdp = await context.newCDPSession(app);
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.method === 'POST' && pathOf(event.request.url) === token) traffic.pageTokenCalls += 1;
  });
  await cdp.send('Network.enable');
  return () => structuredClone(traffic);
}
