import type { Artifact, FlowStep, FlowStepKind } from '../model.js';

const KIND_STEP: Partial<Record<Artifact['kind'], FlowStepKind>> = {
  authorize_request: 'authorize_request',
  authorize_response: 'authorize_response',
  token_response: 'token',
  userinfo: 'userinfo',
  introspection: 'introspection',
};

/**
 * The timeline steps of a flow's artifacts (in time order): requests, redirects and endpoint responses.
 * Tokens are not steps (they travel inside them). With `serverSideExchange`, adds the code exchange that
 * happened on the client's server as a step that is not observable. Does not sort or link anything.
 */
export function flowSteps(group: Artifact[], serverSideExchange: boolean): FlowStep[] {
  const steps: FlowStep[] = [];
  for (const a of group) {
    let kind = KIND_STEP[a.kind];
    if (!kind) continue;
    if (kind === 'token' && a.http?.requestForm?.grant_type === 'refresh_token') kind = 'refresh';
    const first = a.occurrences[0];
    const step: FlowStep = { kind, artifact: a.id, at: a.at, observable: true };
    if (first?.exchangeId) step.exchangeId = first.exchangeId;
    if (a.http?.status !== undefined) step.status = a.http.status;
    if (a.http?.sources) step.sources = a.http.sources;
    steps.push(step);
    if (kind === 'authorize_response' && serverSideExchange && a.claims?.code) {
      steps.push({ kind: 'token', at: a.at, observable: false, note: 'code exchanged for tokens server-side: not observable in the browser' });
    }
  }
  return steps;
}
