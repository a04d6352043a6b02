/**
 * Test data for the rules across artifacts: seed 002's refresh token response (BankID Norway on Keycloak,
 * 2021-08-18T11:53:21Z) exactly as printed, and builders for token responses and flows.
 */
import { expect } from 'vitest';
import { decodeJwt } from '../../../src/core/jwt/decode.js';
import type { Artifact, ArtifactKind, Finding, Flow, FlowType, Severity } from '../../../src/core/model.js';
import type { Rule } from '../../../src/core/rules/types.js';
import { SEED_002_ACCESS_TOKEN, SEED_002_ID_TOKEN, SEED_002_REFRESH_TOKEN } from '../../fixtures/seed-002-tokens.js';
import { check, flowOf, jsonArtifact, NOW, type HarnessOptions } from '../helpers/rule-harness.js';

/** Seed 002's refresh response ID token: iat 1629287601, same iss, sub, aud, auth_time and nonce as the first. */
export const SEED_002_REFRESHED_ID_TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICI3VkZaSVp2UlBOY1lSUUZUcEQ4MHVJaElpVVB4WUNkaEtoUjZudjJDQnJnIn0.eyJleHAiOjE2MjkyODc5MDEsImlhdCI6MTYyOTI4NzYwMSwiYXV0aF90aW1lIjoxNjI5Mjg1OTk4LCJqdGkiOiI3NDEwMzkxMC1iZTVjLTQ0MzAtYjhjNi1lNGI4MzVjY2UyNmUiLCJpc3MiOiJodHRwczovL2F1dGguY3VycmVudC5iYW5raWQubm8vYXV0aC9yZWFsbXMvY3VycmVudCIsImF1ZCI6Im9pZGMtdGVzdGNsaWVudCIsInN1YiI6IjJjZDdjZWNkLWQ0NDQtNDY4NS1iYjA0LThiYmZkYjQ1YTA2OSIsInR5cCI6IklEIiwiYXpwIjoib2lkYy10ZXN0Y2xpZW50Iiwibm9uY2UiOiJkZW1vTm9uY2UiLCJzZXNzaW9uX3N0YXRlIjoiNjY4MDFjZWYtNzc0Ni00ZGQ2LWEwMTgtNDNiZGE1YzcwMDJiIiwibmFtZSI6IlRlc3QgVXNlciBCYW5rSUQiLCJnaXZlbl9uYW1lIjoiVGVzdCBVc2VyIiwiZmFtaWx5X25hbWUiOiJCYW5rSUQiLCJiaXJ0aGRhdGUiOiIyMDE4LTA1LTA5IiwidXBkYXRlZF9hdCI6MTYyOTI4MDYyMDAwMCwiYWNyIjoidXJuOmJhbmtpZDpiaWQ7TE9BPTQiLCJhbXIiOiJCSUQiLCJiYW5raWRfYWx0c3ViIjoiOTU3OC02MDAwLTQtNjM0NTgyIiwib3JpZ2luYXRvciI6IkNOPUJhbmtJRCAtIFRlc3RCYW5rMSAtIEJhbmsgQ0EgMyxPVT0xMjM0NTY3ODksTz1UZXN0QmFuazEgQVMsQz1OTztPcmdpbmF0b3JJZD05OTgwO09yaWdpbmF0b3JOYW1lPUJJTkFTO09yaWdpbmF0b3JJZD05OTgwIiwiYWRkaXRpb25hbENlcnRJbmZvIjp7ImNlcnRWYWxpZEZyb20iOjE2MjkyODA2MjAwMDAsInNlcmlhbE51bWJlciI6IjE3MjI3NDQiLCJrZXlBbGdvcml0aG0iOiJSU0EiLCJrZXlTaXplIjoiMjA0OCIsInBvbGljeU9pZCI6IjIuMTYuNTc4LjEuMTYuMS4xMi4xLjEiLCJtb25ldGFyeUxpbWl0QW1vdW50IjoiMTAwMDAwIiwiY2VydFF1YWxpZmllZCI6dHJ1ZSwibW9uZXRhcnlMaW1pdEN1cnJlbmN5IjoiTk9LIiwiY2VydFZhbGlkVG8iOjE2OTIzNTI2MjAwMDAsInZlcnNpb25OdW1iZXIiOiIzIiwic3ViamVjdE5hbWUiOiJDTj1CYW5rSURcXCwgVGVzdCBVc2VyLE89VGVzdEJhbmsxIEFTLEM9Tk8sU0VSSUFMTlVNQkVSPTk1NzgtNjAwMC00LTYzNDU4MiJ9LCJ0aWQiOiIxMWRhYzNiMi04NGEzLTRjODQtOGQ5ZC1hODE5YzkwNmI3ODIifQ.EBcqS2r8qc1AOyxM9NNm2cgi9Q3ZsSrxn3ydS8h8QxA9Vfx2cervUfWNzS3lSibuz8PslAJC9iz8lxfjPWQKQ44u1pWtB4S-aUZKXnXNOb4qmwQZv0ZpK48iGr6jOm_4wb4W2FcfQnavVlOuGRfCdq_BokGQETFwKtRlU4F9ojnoi2MtNMrjAZ9An1eWdYRkS1Ramzrftskkrq4hEnFyCpWIZOQXMRp-7HkRMRfw6xjLudHNzPzNl0tmxOzxTke8SMAlTnG-eL03Z1LhJKo7bMB-1KIEvdD6jgQTJ0sGdSgGYHcKiWut5fWQ_6pHMCtWl9b8YbtcfCLjyxZkk7J86g';

/** Seed 002's refresh response access token: iat 1629287601, exp iat+300. */
export const SEED_002_REFRESHED_ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICI3VkZaSVp2UlBOY1lSUUZUcEQ4MHVJaElpVVB4WUNkaEtoUjZudjJDQnJnIn0.eyJleHAiOjE2MjkyODc5MDEsImlhdCI6MTYyOTI4NzYwMSwiYXV0aF90aW1lIjoxNjI5Mjg1OTk4LCJqdGkiOiJmMWUwZDczZi1iNWYxLTRlZWYtOTZjOS1jN2NmNWI3N2U1NWIiLCJpc3MiOiJodHRwczovL2F1dGguY3VycmVudC5iYW5raWQubm8vYXV0aC9yZWFsbXMvY3VycmVudCIsImF1ZCI6InRpbmZvIiwic3ViIjoiMmNkN2NlY2QtZDQ0NC00Njg1LWJiMDQtOGJiZmRiNDVhMDY5IiwidHlwIjoiQmVhcmVyIiwiYXpwIjoib2lkYy10ZXN0Y2xpZW50Iiwibm9uY2UiOiJkZW1vTm9uY2UiLCJzZXNzaW9uX3N0YXRlIjoiNjY4MDFjZWYtNzc0Ni00ZGQ2LWEwMTgtNDNiZGE1YzcwMDJiIiwibmFtZSI6IlRlc3QgVXNlciBCYW5rSUQiLCJnaXZlbl9uYW1lIjoiVGVzdCBVc2VyIiwiZmFtaWx5X25hbWUiOiJCYW5rSUQiLCJiaXJ0aGRhdGUiOiIyMDE4LTA1LTA5IiwiYWNyIjoidXJuOmJhbmtpZDpiaWQ7TE9BPTQiLCJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsicHJvZmlsZSJdfSwicmVzb3VyY2VfYWNjZXNzIjp7InRpbmZvIjp7InJvbGVzIjpbInByb2ZpbGUiXX19LCJzY29wZSI6Im9wZW5pZCBwcm9maWxlIiwiYW1yIjoiQklEIiwicmVzb3VyY2VfY2xhaW1zIjp7fSwiYmFua2lkX2FsdHN1YiI6Ijk1NzgtNjAwMC00LTYzNDU4MiIsIm9yaWdpbmF0b3IiOiJDTj1CYW5rSUQgLSBUZXN0QmFuazEgLSBCYW5rIENBIDMsT1U9MTIzNDU2Nzg5LE89VGVzdEJhbmsxIEFTLEM9Tk87T3JnaW5hdG9ySWQ9OTk4MDtPcmlnaW5hdG9yTmFtZT1CSU5BUztPcmlnaW5hdG9ySWQ9OTk4MCJ9.ovary8mYylT5vsEgJ1ZF2yu1FbIIlnymsmjPhGTSCdGWCD08y03qrk6Nf6af_-ohM6kv33HQvWKcGL1Cuq_a5TEhKTgPyldXnTBnn1Fu9T33UlqwXiQWpi4o_ONOpZH6wO03R2-KgmKbPli7yzB_Xh_cD4sJy3zRK3d6veGP6Bjre5EMSyiAH3wpRhH7kmrdBkyaqKqRK8xfnnh-tu-7VSqurEM1km18a5dUw1uTozO-y2bFKrBt2ZWAsjVdLsBxTw8k-2oDBPpcyJ6_NubDJwrwGjfEgN4zz8GawHvcivQ1jCE1dMW7k3P8_bTQ5FVOQkyAY0PJRRCcuoobCUp_cA';

/** Seed 002's refresh response refresh token: iat 1629287601, exp iat+1800, typ "Refresh". */
export const SEED_002_REFRESHED_REFRESH_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJjMWJjNDkyYy1jNDYwLTQ1ZWItYTQ5Yi1hYjAxY2IyZGJkOGIifQ.eyJleHAiOjE2MjkyODk0MDEsImlhdCI6MTYyOTI4NzYwMSwianRpIjoiYWQyNDIwMzItNjgyNy00MTcwLTg5ZDEtNmE1ZDRjN2EzZTEwIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmN1cnJlbnQuYmFua2lkLm5vL2F1dGgvcmVhbG1zL2N1cnJlbnQiLCJhdWQiOiJodHRwczovL2F1dGguY3VycmVudC5iYW5raWQubm8vYXV0aC9yZWFsbXMvY3VycmVudCIsInN1YiI6IjJjZDdjZWNkLWQ0NDQtNDY4NS1iYjA0LThiYmZkYjQ1YTA2OSIsInR5cCI6IlJlZnJlc2giLCJhenAiOiJvaWRjLXRlc3RjbGllbnQiLCJub25jZSI6ImRlbW9Ob25jZSIsInNlc3Npb25fc3RhdGUiOiI2NjgwMWNlZi03NzQ2LTRkZDYtYTAxOC00M2JkYTVjNzAwMmIiLCJzY29wZSI6Im9wZW5pZCBwcm9maWxlIn0.d5aLQRdmZny6H4BLbEJPVu5xpAh0jSSDIcD5pW-3yMU';

/** The code of seed 002's token request: its middle segment (66801cef-7746-4391-...) is not the session_state. */
export const SEED_002_CODE = '521e89e9-5b3e-49d2-9647-2aeed215c5d7.66801cef-7746-4391-a018-43bda5c7002b.0ab47fe7-0373-4b80-b517-065f5a5a3769';

/** The session_state of both seed 002 token responses and of all their tokens. */
export const SEED_002_SESSION_STATE = '66801cef-7746-4dd6-a018-43bda5c7002b';

/** The sub of every seed 002 token. */
export const SEED_002_SUB = '2cd7cecd-d444-4685-bb04-8bbfdb45a069';

/** Seed 002's refresh response time, unix seconds. */
export const SEED_002_REFRESH_AT = 1629287601;

let counter = 0;

/** An artifact for a raw token, decoded as the engine decodes it, issued in `response.json.<kind>`. */
export function rawToken(kind: ArtifactKind, raw: string, extra: Partial<Artifact> = {}): Artifact {
  const jwt = decodeJwt(raw);
  const a: Artifact = {
    id: `x${++counter}`,
    kind,
    at: NOW * 1000,
    occurrences: [{ location: `response.json.${kind}`, at: NOW * 1000 }],
    profile: 'oidc',
    raw,
    jwt,
    ...extra,
  };
  if (jwt.payload && !extra.claims) a.claims = jwt.payload;
  return a;
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
    idToken: rawToken('id_token', SEED_002_ID_TOKEN, { profile }),
    accessToken: rawToken('access_token', SEED_002_ACCESS_TOKEN, { profile }),
    refreshToken: rawToken('refresh_token', SEED_002_REFRESH_TOKEN, { profile }),
  };
  const firstResp = tokenResponse(SEED_002_MEMBERS, [first.idToken, first.accessToken, first.refreshToken], {
    grant_type: 'authorization_code',
    code: SEED_002_CODE,
    code_verifier: 'your-code-verifier',
    redirect_uri: 'https://testclient.local:8487/callback',
  }, { profile, clientId: 'oidc-testclient' });
  const later = SEED_002_REFRESH_AT * 1000;
  const refreshed = {
    idToken: rawToken('id_token', SEED_002_REFRESHED_ID_TOKEN, { profile, at: later }),
    accessToken: rawToken('access_token', SEED_002_REFRESHED_ACCESS_TOKEN, { profile, at: later }),
    refreshToken: rawToken('refresh_token', SEED_002_REFRESHED_REFRESH_TOKEN, { profile, at: later }),
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

/** Asserts exactly one finding: rule id, severity, a message fragment and the artifacts it lists. */
export function expectOne(findings: Finding[], rule: string, severity: Severity, fragment: string, artifacts?: string[]): Finding {
  expect(findings, JSON.stringify(findings, null, 1)).toHaveLength(1);
  const f = findings[0]!;
  expect(f.rule).toBe(rule);
  expect(f.severity).toBe(severity);
  expect(f.message).toContain(fragment);
  if (artifacts) expect(f.artifacts).toEqual(artifacts);
  return f;
}

/** Asserts there is no finding (and no internal error). */
export function expectNone(findings: Finding[]): void {
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
}
