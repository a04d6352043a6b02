/**
 * Seed 002 (BankID Norway on Keycloak) as the engine lays it out, for the rule tests: its ID token alone, and
 * both token responses with their tokens; builders for token responses and flows.
 */
import type { Artifact, Finding, Flow, FlowType } from '../../../src/core/model.js';
import type { Rule } from '../../../src/core/rules/types.js';
import {
  SEED_002_ACCESS_TOKEN,
  SEED_002_ID_TOKEN,
  SEED_002_ISSUER,
  SEED_002_REFRESH_TOKEN,
  SEED_002_REFRESHED_ACCESS_TOKEN,
  SEED_002_REFRESHED_ID_TOKEN,
  SEED_002_REFRESHED_REFRESH_TOKEN,
} from '../../fixtures/seed-002-tokens.js';
import { check, flowOf, jsonArtifact, rawTokenArtifact, type HarnessOptions } from '../helpers/rule-harness.js';

/** The code of seed 002's token request: its middle segment (66801cef-7746-4391-...) is not the session_state. */
export const SEED_002_CODE = '521e89e9-5b3e-49d2-9647-2aeed215c5d7.66801cef-7746-4391-a018-43bda5c7002b.0ab47fe7-0373-4b80-b517-065f5a5a3769';

/** The session_state of both seed 002 token responses and of all their tokens. */
export const SEED_002_SESSION_STATE = '66801cef-7746-4dd6-a018-43bda5c7002b';

/** The sub of every seed 002 token. */
export const SEED_002_SUB = '2cd7cecd-d444-4685-bb04-8bbfdb45a069';

/** Seed 002's refresh response time, unix seconds. */
export const SEED_002_REFRESH_AT = 1629287601;

/**
 * The seed 002 ID token (aud/azp "oidc-testclient", nonce "demoNonce", acr "urn:bankid:bid;LOA=4", no at_hash)
 * as the engine lays it out: issued in a token response (`response.json.id_token`), Keycloak profile.
 */
export function seed002IdToken(extra: Partial<Artifact> = {}): Artifact {
  return rawTokenArtifact('id_token', SEED_002_ID_TOKEN, { id: 'seed002-idt', issuer: SEED_002_ISSUER, profile: 'keycloak', ...extra });
}

/**
 * A token response carrying `tokens` (their `parent` is set to it) answering a request with the form
 * `requestForm`. `claims` is the JSON body; the tokens' raw values are not added to it.
 */
export function tokenResponse(claims: Record<string, unknown>, tokens: Artifact[], requestForm: Record<string, string>, extra: Partial<Artifact> = {}): Artifact {
  const resp = jsonArtifact('token_response', claims, {
    children: tokens.map((t) => t.id),
    http: { method: 'POST', url: 'https://op.example/token', status: 200, requestHeaders: {}, responseHeaders: {}, requestForm },
    ...extra,
  });
  for (const t of tokens) {
    t.parent = resp.id;
    t.occurrences = t.occurrences.map((o) => ({ ...o, parent: resp.id }));
  }
  return resp;
}

/** The members of both seed 002 token responses besides the tokens. */
const SEED_002_MEMBERS = {
  expires_in: 300,
  refresh_expires_in: 1800,
  token_type: 'bearer',
  'not-before-policy': 0,
  session_state: SEED_002_SESSION_STATE,
  scope: 'openid profile',
};

export interface Seed002 {
  first: { resp: Artifact; idToken: Artifact; accessToken: Artifact; refreshToken: Artifact };
  refresh: { resp: Artifact; idToken: Artifact; accessToken: Artifact; refreshToken: Artifact };
  artifacts: Artifact[];
}

/** Seed 002 as captured: the code exchange and the refresh, with the real tokens, under `profile`. */
export function seed002(profile = 'keycloak'): Seed002 {
  const first = {
    idToken: rawTokenArtifact('id_token', SEED_002_ID_TOKEN, { profile }),
    accessToken: rawTokenArtifact('access_token', SEED_002_ACCESS_TOKEN, { profile }),
    refreshToken: rawTokenArtifact('refresh_token', SEED_002_REFRESH_TOKEN, { profile }),
  };
  const firstResp = tokenResponse(SEED_002_MEMBERS, [first.idToken, first.accessToken, first.refreshToken], {
    grant_type: 'authorization_code',
    code: SEED_002_CODE,
    code_verifier: 'your-code-verifier',
    redirect_uri: 'https://testclient.local:8487/callback',
  }, { profile, clientId: 'oidc-testclient' });
  const later = SEED_002_REFRESH_AT * 1000;
  const refreshed = {
    idToken: rawTokenArtifact('id_token', SEED_002_REFRESHED_ID_TOKEN, { profile, at: later }),
    accessToken: rawTokenArtifact('access_token', SEED_002_REFRESHED_ACCESS_TOKEN, { profile, at: later }),
    refreshToken: rawTokenArtifact('refresh_token', SEED_002_REFRESHED_REFRESH_TOKEN, { profile, at: later }),
  };
  const refreshResp = tokenResponse(SEED_002_MEMBERS, [refreshed.idToken, refreshed.accessToken, refreshed.refreshToken], {
    grant_type: 'refresh_token',
    scope: 'openid profile',
    refresh_token: SEED_002_REFRESH_TOKEN,
  }, { profile, clientId: 'oidc-testclient', at: later });
  return {
    first: { resp: firstResp, ...first },
    refresh: { resp: refreshResp, ...refreshed },
    artifacts: [firstResp, first.idToken, first.accessToken, first.refreshToken, refreshResp, refreshed.idToken, refreshed.accessToken, refreshed.refreshToken],
  };
}

/** Runs a flow rule over one flow made of `artifacts` (in that order) and returns its findings. */
export function runFlow(rule: Rule, artifacts: Artifact[], flow: Partial<Flow> & { type?: FlowType } = {}, opts: HarnessOptions = {}): Finding[] {
  const f = flowOf(artifacts, flow);
  return check(rule, [f], { ...opts, artifacts: [...artifacts, ...(opts.artifacts ?? [])], flows: [f] });
}
