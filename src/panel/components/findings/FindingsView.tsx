import { useSignal } from '@preact/signals';
import type { Finding, Severity } from '../../../core/model.js';
import { atLeast, passes } from '../../model/filters.js';
import type { Workspace } from '../../workspace/workspace.js';
import { FindingItem } from '../token/FindingItem.js';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings drawn at first, and added per click of "Show more" (a large capture has tens of thousands). */
export const FINDINGS_AT_ONCE = 300;

/**
 * Every finding of the shown dataset, errors first, that passes the filters: the minimum severity always, the
 * other filters through the flow (or unlinked artifact) the finding belongs to. "Show in flow" opens the flow.
 */
export function FindingsView({ workspace }: { workspace: Workspace }) {
  const dataset = workspace.dataset.value;
  const { index } = dataset;
  const filters = workspace.filters.value;
  const limit = useSignal(FINDINGS_AT_ONCE);
  if (!index) return <p class="muted">No analysis yet.</p>;
  const fi = filters.text.trim() === '' && filters.kind === '' && filters.host === '' ? undefined : dataset.filters;
  const flowOfFinding = (f: Finding) => f.flow ?? f.artifacts.map((id) => index.flowOf.get(id)).find((x) => x !== undefined);
  const shown = index.result.findings
    .map((finding, i) => ({ finding, i }))
    .filter(({ finding }) => {
      if (!atLeast(finding.severity, filters.severity)) return false;
      if (!fi) return true;
      const flow = flowOfFinding(finding);
      const facts = flow ? fi.flows.get(flow) : fi.artifacts.get(finding.artifacts[0] ?? '');
      return passes(facts, { ...filters, severity: '' }) || (filters.text !== '' && `${finding.rule} ${finding.message}`.toLowerCase().includes(filters.text.trim().toLowerCase()));
    })
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.i - b.i);
  if (shown.length === 0) return <p class="muted" data-testid="findings-empty">{index.result.findings.length === 0 ? 'No findings.' : 'No finding passes the filters.'}</p>;
  return (
    <ul class="findings" data-testid="findings">
      {shown.slice(0, limit.value).map(({ finding, i }) => {
        const flow = flowOfFinding(finding);
        const onShow = flow
          ? () => {
              workspace.selectedFlow.value = flow;
              workspace.view.value = 'flows';
            }
          : undefined;
        return (
          <FindingItem key={i} finding={finding}>
            {onShow && (
              <button type="button" class="link-button" onClick={onShow}>
                Show in flow
              </button>
            )}
          </FindingItem>
        );
      })}
      {shown.length > limit.value && (
        <li>
          <button type="button" data-testid="more-findings" onClick={() => (limit.value += FINDINGS_AT_ONCE)}>
            Show {Math.min(FINDINGS_AT_ONCE, shown.length - limit.value)} more of {shown.length - limit.value} remaining
          </button>
        </li>
      )}
    </ul>
  );
}
