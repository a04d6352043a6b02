import type { FlowRow } from '../../model/flow-rows.js';
import '../../styles/flows.css';
import { CapturedText } from '../text/CapturedText.js';

/**
 * The alert shown over a flow whose userinfo `sub` differs from its ID token's (rule x-ui-sub): both values as
 * escaped text (long ones cut) and the rule id. It carries the finding's `data-rule`, `data-severity`, `data-artifacts` and `data-claim`,
 * but not `data-testid="finding"` (the finding itself is listed with its artifacts). Renders nothing for a row
 * without a mismatch.
 */
export function SubMismatchBanner({ row }: { row: FlowRow }) {
  const m = row.subMismatch;
  if (!m) return null;
  return (
    <div
      role="alert"
      class={`sub-mismatch severity-${m.severity}`}
      data-testid="sub-mismatch"
      data-flow-id={row.id}
      data-rule="x-ui-sub"
      data-severity={m.severity}
      data-artifacts={m.artifacts.join(',')}
      data-claim="sub"
    >
      <strong>Subject mismatch:</strong> ID token sub <CapturedText as="code" data-testid="id-token-sub" text={m.idTokenSub || '(unknown)'} /> vs userinfo
      sub <CapturedText as="code" data-testid="userinfo-sub" text={m.userinfoSub || '(unknown)'} />. The userinfo values must not be used for this user (token
      substitution). <span class="rule">x-ui-sub</span>
    </div>
  );
}
