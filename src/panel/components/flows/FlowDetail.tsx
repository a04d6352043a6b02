import { useSignal } from '@preact/signals';
import type { Artifact } from '../../../core/model.js';
import type { AnalysisIndex } from '../../model/analysis-index.js';
import { defaultComparePair } from '../../model/compare.js';
import type { FlowRow } from '../../model/flow-rows.js';
import type { Workspace } from '../../workspace/workspace.js';
import { TokenView } from '../token/TokenView.js';
import { KIND_LABEL } from '../../model/token-labels.js';
import { ExpiryChart } from './ExpiryChart.js';
import { FlowTimeline } from './FlowTimeline.js';
import { SubMismatchBanner } from './SubMismatchBanner.js';
import { FindingItem } from '../token/FindingItem.js';
import { CapturedText } from '../text/CapturedText.js';

/** Props of {@link FlowDetail}. */
export interface FlowDetailProps {
  row: FlowRow;
  index: AnalysisIndex;
  now: number;
  copy(text: string): Promise<void>;
  /** Which of the flow's artifacts to show (the kind filter). */
  show(artifact: Artifact): boolean;
  workspace: Workspace;
}

/**
 * One flow: the sub-mismatch banner over everything, the timeline of its steps, the expiry chart, findings of the
 * flow as a whole, and each artifact (token, response) in full.
 */
export function FlowDetail({ row, index, now, copy, show, workspace }: FlowDetailProps) {
  const flow = index.flowById.get(row.id);
  if (!flow) return null;
  const timeline = index.timelineOf.get(flow.id);
  const artifacts = flow.artifacts.map((id) => index.byId.get(id)).filter((a): a is Artifact => a !== undefined && show(a));
  const flowFindings = (index.findingsByFlow.get(flow.id) ?? []).filter((f) => f.artifacts.length === 0);
  const pair = defaultComparePair(flow, index);
  return (
    <section class="flow-detail" data-testid="flow-detail" data-flow-id={flow.id} aria-label="Flow">
      {row.subMismatch && <SubMismatchBanner row={row} />}
      <header class="detail-header">
        <h2>
          {flow.type.replaceAll('_', ' ')} · <CapturedText class="url" text={flow.issuer ?? 'unknown issuer'} />
        </h2>
        {pair && (
          <button
            type="button"
            data-testid="compare-refresh"
            onClick={() => {
              workspace.compare.value = pair;
              workspace.view.value = 'compare';
            }}
          >
            Compare the last two {KIND_LABEL[index.byId.get(pair.right)?.kind ?? 'jwt']}s
          </button>
        )}
      </header>
      <FlowTimeline flow={flow} index={index} />
      {timeline && <ExpiryChart timeline={timeline} now={now} flowStartedAt={flow.startedAt} />}
      {flowFindings.length > 0 && (
        <ul class="flow-findings">
          {flowFindings.map((f, i) => (
            <FindingItem key={i} finding={f} />
          ))}
        </ul>
      )}
      <ArtifactCards artifacts={artifacts} index={index} now={now} copy={copy} />
    </section>
  );
}

/** Artifact cards drawn at first, and added per click of "Show more": a long-lived flow can hold thousands. */
export const CARDS_AT_ONCE = 25;

/** The cards of `artifacts`, {@link CARDS_AT_ONCE} at first, more on request. */
export function ArtifactCards({ artifacts, index, now, copy }: { artifacts: readonly Artifact[]; index: AnalysisIndex; now: number; copy(text: string): Promise<void> }) {
  const limit = useSignal(CARDS_AT_ONCE);
  const shown = artifacts.slice(0, limit.value);
  const rest = artifacts.length - shown.length;
  return (
    <div class="artifacts">
      {shown.map((a) => (
        <TokenView key={a.id} artifact={a} index={index} now={now} copy={copy} />
      ))}
      {rest > 0 && (
        <button type="button" data-testid="more-artifacts" onClick={() => (limit.value += CARDS_AT_ONCE * 4)}>
          Show {Math.min(rest, CARDS_AT_ONCE * 4)} more of {rest} remaining
        </button>
      )}
    </div>
  );
}

/** The artifacts that belong to no flow, each in full. */
export function UnlinkedDetail({ artifacts, index, now, copy }: { artifacts: readonly Artifact[]; index: AnalysisIndex; now: number; copy(text: string): Promise<void> }) {
  return (
    <section class="flow-detail" data-testid="flow-detail" data-flow-id="" aria-label="Artifacts in no flow">
      <h2>Artifacts in no flow</h2>
      <ArtifactCards artifacts={artifacts} index={index} now={now} copy={copy} />
    </section>
  );
}
