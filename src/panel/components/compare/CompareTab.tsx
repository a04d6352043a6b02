import type { Artifact } from '../../../core/model.js';
import { defaultComparePair } from '../../model/compare.js';
import type { Workspace } from '../../workspace/workspace.js';
import { CompareView } from './CompareView.js';

/** Artifacts worth comparing: anything with decoded claims (tokens, userinfo, introspection, responses). */
function comparable(a: Artifact): boolean {
  return a.claims !== undefined && Object.keys(a.claims).length > 0;
}

/**
 * The Compare view over the shown dataset: the pair the user chose (from a flow's "compare" button or the two
 * pickers), else the tokens before and after the last refresh of the selected or latest flow.
 */
export function CompareTab({ workspace, now }: { workspace: Workspace; now: number }) {
  const { index } = workspace.dataset.value;
  if (!index) return <p class="muted">No analysis yet.</p>;
  const candidates = index.result.artifacts.filter(comparable);
  if (candidates.length < 2) return <p class="muted" data-testid="compare-empty">Compare needs two tokens or responses with claims.</p>;
  const flowId = workspace.selectedFlow.value ?? index.result.flows.at(-1)?.id;
  const flow = flowId === undefined ? undefined : index.flowById.get(flowId);
  const fallback = (flow && defaultComparePair(flow, index)) ?? { left: candidates[0]!.id, right: candidates[1]!.id };
  const chosen = workspace.compare.value;
  const left = index.byId.get(chosen.left ?? fallback.left ?? '') ?? candidates[0]!;
  const right = index.byId.get(chosen.right ?? fallback.right ?? '') ?? candidates[1]!;
  return (
    <CompareView
      left={left}
      right={right}
      index={index}
      now={now}
      candidates={candidates}
      onPick={(side, id) => (workspace.compare.value = { left: left.id, right: right.id, [side]: id })}
    />
  );
}
