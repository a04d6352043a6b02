import type { Artifact, CaptureSource, CodeExchangeGap, FlowStep, FlowStepKind } from '../model.js';

const KIND_STEP: Partial<Record<Artifact['kind'], FlowStepKind>> = {
  authorize_request: 'authorize_request',
  authorize_response: 'authorize_response',
  token_response: 'token',
  userinfo: 'userinfo',
  introspection: 'introspection',
};

/** The note of the step added for a code exchange missing from the capture. */
const GAP_NOTES: Record<CodeExchangeGap['status'], string> = {
  'server-side': 'code exchanged for tokens server-side: not observable in the browser',
  'not-captured': 'code exchange not captured (see the flow notes for why)',
};

/**
 * The timeline steps of a flow's artifacts (in time order): requests, redirects and endpoint responses.
 * Tokens are not steps (they travel inside them). After each authorization response with an entry in `gaps`,
 * adds the code exchange the capture lacks: not observable when it happened on the client's server, marked
 * `missing: 'not-captured'` otherwise. A step's sources are its artifact's HTTP context's, else (an authorization
 * response) those of the exchanges it was seen in, from `sourcesOf`. Does not sort or link anything.
 */
export function flowSteps(group: Artifact[], gaps: ReadonlyMap<string, CodeExchangeGap> = new Map(), sourcesOf: (exchangeId: string) => readonly CaptureSource[] = () => []): FlowStep[] {
  const steps: FlowStep[] = [];
  for (const a of group) {
    let kind = KIND_STEP[a.kind];
    if (!kind) continue;
    if (kind === 'token' && a.http?.requestForm?.grant_type === 'refresh_token') kind = 'refresh';
    const first = a.occurrences[0];
    const step: FlowStep = { kind, artifact: a.id, at: a.at, observable: true };
    if (first?.exchangeId) step.exchangeId = first.exchangeId;
    if (a.http?.status !== undefined) step.status = a.http.status;
    // An authorization response has no HTTP context of its own: it travelled in a redirect or the callback's URL.
    const sources = a.http?.sources ?? [...new Set(a.occurrences.flatMap((o) => (o.exchangeId === undefined ? [] : sourcesOf(o.exchangeId))))].sort();
    if (sources.length > 0) step.sources = sources;
    steps.push(step);
    const gap = kind === 'authorize_response' ? gaps.get(a.id) : undefined;
    if (gap) steps.push({ kind: 'token', at: a.at, observable: gap.status !== 'server-side', missing: gap.status, note: GAP_NOTES[gap.status] });
  }
  return steps;
}
