import type { FlowView, StepView } from '../store/view-model.js';

const STEP_LABELS: Record<string, string> = {
  authorize_request: 'Authorization request',
  authorize_response: 'Authorization response',
  token: 'Token request',
  refresh: 'Refresh',
  userinfo: 'UserInfo',
  introspection: 'Introspection',
  discovery: 'Discovery',
  jwks: 'JWKS',
  other: 'Other',
};

function Step({ step }: { step: StepView }) {
  return (
    <li
      data-testid="step"
      data-kind={step.kind}
      data-observable={String(step.observable)}
      data-status={step.status}
      data-sources={step.sources}
    >
      <span class="step-kind">{STEP_LABELS[step.kind] ?? step.kind}</span>
      {step.status !== '' && <span class="step-status"> {step.status}</span>}
      {step.observable ? (
        step.sources !== '' && <span class="muted"> seen by {step.sources.replaceAll(',', ', ')}</span>
      ) : (
        <span class="not-observable"> not observable in the browser</span>
      )}
      {step.note !== '' && <span class="muted"> ({step.note})</span>}
    </li>
  );
}

/** One login flow: issuer, subject, client, type, and its steps in time order. */
export function FlowItem({ flow }: { flow: FlowView }) {
  return (
    <li
      class="flow"
      data-testid="flow"
      data-flow-id={flow.id}
      data-issuer={flow.issuer}
      data-subject={flow.subject}
      data-type={flow.type}
      data-server-side={String(flow.serverSide)}
    >
      <h3>
        {flow.type.replaceAll('_', ' ')} · {flow.issuer || 'unknown issuer'}
      </h3>
      <p class="muted">
        subject {flow.subject || 'unknown'} · client {flow.clientId || 'unknown'}
      </p>
      {flow.serverSide && (
        <p class="not-observable">
          The authorization code was exchanged by a server: the token, userinfo and introspection calls are not
          observable in the browser.
        </p>
      )}
      <ol class="steps">
        {flow.steps.map((step, index) => (
          <Step key={index} step={step} />
        ))}
      </ol>
      {flow.notes.map((note, index) => (
        <p key={index} class="muted">
          {note}
        </p>
      ))}
    </li>
  );
}
