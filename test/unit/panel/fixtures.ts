import type { Artifact, Exchange, Finding, Flow } from '../../../src/core/model.js';
import type { AnalysisResult } from '../../../src/core/analyze.js';
import type { TabState } from '../../../src/shared/protocol.js';

/** A small hand-made tab state: two exchanges, one flow, a token with a hostile claim, three findings. */
export function sampleState(overrides: Partial<TabState> = {}): TabState {
  const exchanges: Exchange[] = [
    {
      id: 'e1',
      method: 'POST',
      url: 'https://idp.example.com/token',
      requestHeaders: [],
      responseHeaders: [],
      status: 200,
      startedAt: 1,
      seenBy: { request: ['webRequest', 'page-hook'], responseBody: ['page-hook'], status: ['webRequest'] },
    },
    {
      id: 'e2',
      method: 'GET',
      url: 'https://idp.example.com/userinfo?x=<b>',
      requestHeaders: [],
      responseHeaders: [],
      startedAt: 2,
      seenBy: { request: ['devtools'] },
    },
  ];
  const flows: Flow[] = [
    {
      id: 'f1',
      issuer: 'https://idp.example.com',
      subject: 'alice',
      clientId: 'web',
      profile: 'oidc',
      type: 'authorization_code',
      startedAt: 1,
      steps: [
        { kind: 'authorize_request', at: 1, observable: true, sources: ['webRequest'] },
        { kind: 'token', at: 2, observable: false, note: 'confidential client' },
        { kind: 'userinfo', at: 3, observable: true, status: 200, sources: ['page-hook', 'devtools', 'webRequest'] },
      ],
      artifacts: ['a1', 'a2'],
      serverSideExchange: true,
      notes: [],
    },
    {
      id: 'f2',
      profile: 'oidc',
      type: 'unknown',
      startedAt: 4,
      steps: [],
      artifacts: ['a2'],
      serverSideExchange: false,
      notes: ['second flow'],
    },
  ];
  const artifacts: Artifact[] = [
    {
      id: 'a1',
      kind: 'id_token',
      at: 1,
      occurrences: [],
      profile: 'oidc',
      issuer: 'https://idp.example.com',
      signature: { status: 'valid' },
      claims: {
        sub: 'alice',
        name: '<img src=x onerror=alert(1)>',
        website: 'javascript:alert(1)',
        address: { street: '<script>alert(2)</script>' },
        exp: 1700000000,
        email_verified: true,
        nothing: null,
      },
    },
    { id: 'a2', kind: 'userinfo', at: 2, occurrences: [], profile: 'oidc', claims: { sub: 'bob' } },
    { id: 'a3', kind: 'opaque_token', role: 'refresh_token', at: 3, occurrences: [], profile: 'oidc' },
  ];
  const findings: Finding[] = [
    { rule: 'typ-explicit', severity: 'info', message: 'info one', artifacts: ['a1'], source: 's' },
    { rule: 'x-ui-sub', severity: 'error', message: 'sub differs <b>', artifacts: ['a1', 'a2'], source: 's', flow: 'f1' },
    { rule: 'at-aud', severity: 'warning', message: 'warning one', artifacts: [], source: 's' },
    { rule: 'exp-passed', severity: 'error', message: 'error two', artifacts: ['a1'], source: 's', claim: 'exp' },
  ];
  const analysis: AnalysisResult = { artifacts, flows, findings, timelines: [], now: 100, unreadable: [], problems: [] };
  return { tabId: 7, exchanges, analysis, analyzedAt: 100, paused: false, preserve: true, evicted: 3, bytes: 1234, ...overrides };
}
