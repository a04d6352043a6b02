import { useMemo, useState } from 'preact/hooks';
import type { Artifact } from '../../../core/index.js';
import type { AnalysisIndex } from '../../model/analysis-index.js';
import { claimTime, formatDelta } from '../../model/claim-time.js';
import { compareClaims, type ClaimChange, type CompareRow } from '../../model/compare.js';
import '../../styles/token.css';
import { ComparePicker } from './ComparePicker.js';
import { CapturedText } from '../text/CapturedText.js';

/** Props of {@link CompareView}. */
export interface CompareViewProps {
  left: Artifact;
  right: Artifact;
  index: AnalysisIndex;
  /** Unix seconds. */
  now: number;
  /** What the pickers offer. */
  candidates: readonly Artifact[];
  onPick(side: 'left' | 'right', id: string): void;
}

const CHANGE_TEXT: Readonly<Record<ClaimChange, string>> = { added: 'added', removed: 'removed', changed: 'changed', same: 'same' };

function ValueCell({ side, name, json, value, time: isTime, now }: { side: 'left' | 'right'; name: string; json?: string; value: unknown; time: boolean; now: number }) {
  if (json === undefined) return <td class="compare-value absent" data-side={side} />;
  const time = isTime ? claimTime(name, value, now) : undefined;
  return (
    <td class="compare-value" data-side={side}>
      <CapturedText as="code" class="claim-json" text={json} layout="lines" />
      {time && time.utc !== 'invalid time' && (
        <span class="compare-time">
          <time dateTime={time.utc}>{time.utc}</time> <span class="relative">{time.relative}</span>
        </span>
      )}
    </td>
  );
}

function Row({ row, now }: { row: CompareRow; now: number }) {
  return (
    <tr class={`compare-row change-${row.change}`} data-testid="compare-row" data-claim={row.name} data-change={row.change} data-delta={row.delta === undefined ? '' : String(row.delta)}>
      <th scope="row">
        <CapturedText as="code" text={row.name} />
      </th>
      <ValueCell side="left" name={row.name} json={row.leftJson} value={row.left} time={row.time} now={now} />
      <ValueCell side="right" name={row.name} json={row.rightJson} value={row.right} time={row.time} now={now} />
      <td class="compare-change">
        {CHANGE_TEXT[row.change]}
        {row.delta !== undefined && row.delta !== 0 && <span class="compare-delta"> {formatDelta(row.delta)}</span>}
      </td>
    </tr>
  );
}

/**
 * Two artifacts' claims side by side with what changed (added, removed, changed, same) and by how much for
 * times; pickers for either side among `candidates`, and a toggle to show only the changes. Values are text
 * only, escaped, long ones cut (CapturedText). Does not choose the pair (see defaultComparePair) nor judge the
 * values.
 */
export function CompareView({ left, right, index, now, candidates, onPick }: CompareViewProps) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  const rows = useMemo(() => compareClaims(left, right), [left, right]);
  const counts = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const r of rows) counts[r.change]++;
  const shown = onlyChanges ? rows.filter((r) => r.change !== 'same') : rows;
  const flowOf = (a: Artifact) => index.flowOf.get(a.id) ?? '';
  return (
    <section class="compare" data-testid="compare" data-left={left.id} data-right={right.id} aria-label="Compare">
      <div class="compare-controls">
        <ComparePicker side="left" selected={left} other={right} candidates={candidates} onPick={(id) => onPick('left', id)} />
        <ComparePicker side="right" selected={right} other={left} candidates={candidates} onPick={(id) => onPick('right', id)} />
        <label class="compare-toggle">
          <input type="checkbox" data-testid="only-changes" checked={onlyChanges} onChange={(e) => setOnlyChanges((e.currentTarget as HTMLInputElement).checked)} /> only changes
        </label>
        <span class="muted" data-testid="compare-summary">
          {counts.changed} changed, {counts.added} added, {counts.removed} removed, {counts.same} same
        </span>
      </div>
      {left.id === right.id && <p class="muted">The same artifact is on both sides.</p>}
      {left.kind !== right.kind && (
        <p class="warning-text" data-testid="compare-kinds">
          Different kinds: {left.kind} and {right.kind}.
        </p>
      )}
      <table class="compare-table">
        <caption class="visually-hidden">Claims compared</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">
              {left.id} <span class="muted">{flowOf(left) && `(flow ${flowOf(left)})`}</span>
            </th>
            <th scope="col">
              {right.id} <span class="muted">{flowOf(right) && `(flow ${flowOf(right)})`}</span>
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <Row key={row.name} row={row} now={now} />
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p class="muted">{rows.length === 0 ? 'Neither side has claims.' : 'No claim changed.'}</p>}
    </section>
  );
}
