import type { ComponentChildren } from 'preact';
import type { Finding } from '../../../core/index.js';
import { CapturedText } from '../text/CapturedText.js';

/**
 * One finding as a list item: severity, rule id, the claim it names, the message and the spec reference, with
 * the panel's data-* contract (`data-testid="finding"`, rule, severity, flow id, artifact ids, claim). Every
 * value is rendered as text; the claim path and the message (which quote values from the traffic) escaped and,
 * when long, cut. `children` (controls such as "Show in flow") follow the reference. Does not sort, filter or link
 * anywhere.
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
      {finding.claim !== undefined && <CapturedText as="code" class="finding-claim" text={finding.claim} />} <CapturedText class="message" text={finding.message} />{' '}
      <cite class="source">{finding.source}</cite>
      {children}
    </li>
  );
}
