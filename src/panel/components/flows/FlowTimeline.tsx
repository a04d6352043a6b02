import { useContext } from 'preact/hooks';
import type { CodeExchangeGap, Flow } from '../../../core/model.js';
import { CaptureHostButton } from '../capture/CaptureHostButton.js';
import { CaptureHostContext } from '../capture/capture-host-context.js';
import type { AnalysisIndex } from '../../model/analysis-index.js';
import { durationText, flowStepRows, offsetText, type StepRow } from '../../model/flow-steps.js';
import '../../styles/flows.css';
import { compactText } from '../../model/shown-text.js';
import { CapturedText } from '../text/CapturedText.js';

const statusClass = (status: string) => (status === '' ? '' : /^[23]/.test(status) ? ' status-ok' : ' status-bad');

/** What a step the capture lacks says in place of its sources. */
const MISSING_TEXT: Record<Exclude<StepRow['missing'], ''>, string> = {
  'server-side': 'not observable in the browser',
  'not-captured': 'not captured',
};

function Step({ step }: { step: StepRow }) {
  return (
    <li
      class={`step${step.missing === '' ? '' : ' step-hidden'}`}
      data-testid="step"
      data-kind={step.kind}
      data-observable={String(step.observable)}
      data-missing={step.missing}
      data-status={step.status}
      data-sources={step.sources}
      data-exchange-id={step.exchangeId}
    >
      <span class="step-offset" title="after the flow's start">
        {step.missing === '' ? offsetText(step.offsetMs) : ''}
      </span>
      <span class="step-kind">{step.label}</span>
      {step.status !== '' && <span class={`step-status${statusClass(step.status)}`}>{step.status}</span>}
      {step.durationMs !== undefined && <span class="step-duration muted">{durationText(step.durationMs)}</span>}
      {step.host !== '' && (
        <CapturedText class="step-url url" title={compactText(`${step.host}${step.path}`)} text={`${step.host}${step.path}`} />
      )}
      {step.missing === '' ? (
        step.sources !== '' && <span class="step-sources muted">seen by {step.sources.replaceAll(',', ', ')}</span>
      ) : (
        <span class="not-observable">{MISSING_TEXT[step.missing]}</span>
      )}
      {step.note !== '' && step.missing === '' && (
        <span class="step-note muted">
          (<CapturedText text={step.note} />)
        </span>
      )}
    </li>
  );
}

/** Why the code exchange is missing, and the offer to configure the host that would have captured it. */
function NotCapturedNote({ gap }: { gap: CodeExchangeGap }) {
  const captureHost = useContext(CaptureHostContext);
  return (
    <p class="not-observable" data-testid="not-captured-note">
      <CapturedText text={gap.reason} />
      {captureHost &&
        (gap.configure ?? []).map((host) => (
          <span key={host}>
            {' '}
            <CaptureHostButton host={host} captureHost={captureHost} />
          </span>
        ))}
    </p>
  );
}

/**
 * The steps of a flow in time order: what each was, its HTTP status, when it started after the flow's start, how
 * long it took, its host and path (escaped text, never a link), and which capture sources saw it. Steps that
 * happened on a server are marked as not observable in the browser, steps the capture simply lacks as not
 * captured (with why, and the offer to configure the host that would have seen it); the flow's notes follow. Does
 * not show tokens or findings.
 */
export function FlowTimeline({ flow, index }: { flow: Flow; index: AnalysisIndex }) {
  const steps = flowStepRows(flow, index);
  // The not-captured note says its reason itself, with the offer that goes with it.
  const notes = flow.codeExchange?.status === 'not-captured' ? flow.notes.filter((n) => n !== flow.codeExchange?.reason) : flow.notes;
  return (
    <section class="flow-timeline" data-testid="flow-timeline" data-flow-id={flow.id} aria-label="Flow timeline">
      <h3>Timeline</h3>
      {flow.serverSideExchange && (
        <p class="not-observable" data-testid="server-side-note">
          The authorization code was exchanged by the client's server: the token request, and any userinfo or
          introspection call made with its tokens, are not observable in the browser.
        </p>
      )}
      {flow.codeExchange?.status === 'not-captured' && <NotCapturedNote gap={flow.codeExchange} />}
      {steps.length === 0 ? (
        <p class="muted">No request or redirect of this flow was captured.</p>
      ) : (
        <ol class="timeline-steps">
          {steps.map((step, i) => (
            <Step key={i} step={step} />
          ))}
        </ol>
      )}
      {notes.length > 0 && (
        <ul class="flow-notes">
          {notes.map((note, i) => (
            <li key={i} class="muted" data-testid="flow-note">
              <CapturedText text={note} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
