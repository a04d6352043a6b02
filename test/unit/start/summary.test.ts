import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Flow } from '../../../src/core/index.js';
import { humanReport } from '../../../src/cli/report-human.js';
import { captureReport, flowLine } from '../../../scripts/start/summary.js';

function flow(patch: Partial<Flow> = {}): Flow {
  return {
    id: 'f1',
    issuer: 'http://127.0.0.1:4000',
    clientId: 'e2e-spa',
    subject: 'alice',
    profile: 'oidc',
    type: 'authorization_code',
    startedAt: 0,
    steps: [
      { kind: 'authorize_request', at: 0, status: 303, observable: true, sources: ['webRequest'] },
      { kind: 'authorize_response', at: 1, observable: true },
      { kind: 'token', at: 2, status: 200, observable: true, sources: ['webRequest', 'page-hook'] },
    ],
    artifacts: [],
    serverSideExchange: false,
    notes: [],
    ...patch,
  };
}

describe('flowLine', () => {
  it('names issuer, client, subject and each step with its sources, sorted', () => {
    expect(flowLine(flow())).toBe(
      'flow f1  authorization_code  issuer http://127.0.0.1:4000  client e2e-spa  subject alice  steps: authorize_request 303 [webRequest], authorize_response, token 200 [page-hook+webRequest]',
    );
  });

  it('says what is unknown and what the browser could not see', () => {
    const line = flowLine(flow({ issuer: undefined, clientId: undefined, subject: undefined, steps: [{ kind: 'token', at: 0, observable: false }] }));
    expect(line).toBe('flow f1  authorization_code  issuer (unknown)  client (unknown)  subject (unknown)  steps: token [not observable]');
  });

  it.each([
    ['issuer', { issuer: 'http://x/\u001b[2J' }],
    ['subject', { subject: 'alice\nflow f2  forged' }],
    ['client', { clientId: 'c\u202e' }],
  ])('escapes control characters in the %s (values come from tokens)', (_what, patch) => {
    const line = flowLine(flow(patch));
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(line).toMatch(/\\u(001b|000a|202e)/);
  });
});

describe('captureReport', () => {
  const result = { now: 1_700_000_000, flows: [flow()], artifacts: [], findings: [], timelines: [], unreadable: [], problems: [] } as unknown as AnalysisResult;

  it("is the CLI's human report, then one line per flow", () => {
    const text = captureReport(result, 'live capture of tab 7', 60);
    const cli = humanReport(result, { inputs: ['live capture of tab 7'], skew: 60, nowSource: 'clock' });
    expect(text.startsWith(cli)).toBe(true);
    expect(text.slice(cli.length)).toBe(`\nFlows and the capture sources of their steps\n  ${flowLine(flow())}\n`);
  });

  it('says when no flow was captured', () => {
    expect(captureReport({ ...result, flows: [] }, 'x', 60)).toMatch(/Flows and the capture sources of their steps\n {2}no flow captured\n$/);
  });
});
