import type { ComponentChildren } from 'preact';
import type { Finding } from '../../../core/index.js';

/**
 * One finding as a list item: severity, rule id, the claim it names, the message and the spec reference, with
 * the panel's data-* contract (`data-testid="finding"`, rule, severity, flow id, artifact ids, claim). Every
 * value is rendered as text. `children` (controls such as "Show in flow") follow the reference. Does not sort,
 * filter or link anywhere.
 */
export function FindingItem({ finding, children }: { finding: Finding; children?: ComponentChildren }) {
  return (
    <li
      class={`finding severity-${finding.severity}`}
      data-testid="finding"
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-flow-id={finding.flow ?? ''}
      data-artifacts={finding.artifacts.join(',')}
      data-claim={finding.claim ?? ''}
    >
      <span class="severity">{finding.severity}</span> <code class="rule">{finding.rule}</code>
      {finding.claim !== undefined && <code class="finding-claim">{finding.claim}</code>} <span class="message">{finding.message}</span>{' '}
      <cite class="source">{finding.source}</cite>
      {children}
    </li>
  );
}
