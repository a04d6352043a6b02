import type { Artifact, Flow } from '../../../src/core/model.js';
import type { HarnessOptions } from '../helpers/rule-harness.js';
import { flowOf, jsonArtifact, NOW, tokenArtifact } from '../helpers/rule-harness.js';

/** Claims every test ID token has unless a case overrides them. */
export const ID_BASE = { iss: 'https://op.example', sub: 'u1', aud: 'c1', exp: NOW + 300, iat: NOW };

/** Where an ID token travelled: token endpoint or, for implicit/hybrid, the authorization endpoint redirect. */
export const TOKEN_ENDPOINT = 'response.json.id_token';
export const FRAGMENT = 'url.fragment.id_token';

export interface Login {
  request: Artifact | undefined;
  idToken: Artifact;
  flow: Flow;
  /** Harness options putting the request and the flow in the context. */
  opts: HarnessOptions;
}

/**
 * One login flow: an authorize request with the given parameters (none when `params` is undefined), then an
 * ID token with the given claims that travelled in `location`. `more` are extra artifacts of the same flow.
 */
export function login(params: Record<string, unknown> | undefined, claims: Record<string, unknown>, location = TOKEN_ENDPOINT, more: Artifact[] = [], tokenExtra: Partial<Artifact> = {}): Login {
  const request = params ? jsonArtifact('authorize_request', params, { occurrences: [{ location: 'url.query', at: NOW * 1000 }] }) : undefined;
  const idToken = tokenArtifact('id_token', { ...ID_BASE, ...claims }, undefined, { occurrences: [{ location, at: NOW * 1000 }], ...tokenExtra });
  const members = [...(request ? [request] : []), ...more, idToken];
  const flow = flowOf(members);
  return { request, idToken, flow, opts: { artifacts: members.filter((a) => a !== idToken), flows: [flow] } };
}
