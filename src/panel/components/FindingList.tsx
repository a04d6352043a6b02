import type { FindingView } from '../store/view-model.js';

/** Findings, errors first: severity, rule id and the message (the message element holds only the message). */
export function FindingList({ findings }: { findings: FindingView[] }) {
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings</h2>
      {findings.length === 0 ? (
        <p class="muted">No findings.</p>
      ) : (
        <ul class="findings">
          {findings.map((finding, index) => (
            <li key={index} class={`finding-row severity-${finding.severity}`}>
              <span class="severity">{finding.severity}</span> <code class="rule">{finding.rule}</code>{' '}
              <span
                data-testid="finding"
                data-rule={finding.rule}
                data-severity={finding.severity}
                data-flow-id={finding.flowId}
                data-artifacts={finding.artifacts}
              >
                {finding.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
