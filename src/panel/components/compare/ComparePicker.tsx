import type { Artifact } from '../../../core/index.js';
import { artifactLabel, KIND_LABEL } from '../../model/token-labels.js';

/** Props of {@link ComparePicker}. */
export interface ComparePickerProps {
  side: 'left' | 'right';
  selected: Artifact;
  /** The artifact on the other side: candidates of its kind are listed first. */
  other: Artifact;
  candidates: readonly Artifact[];
  onPick(id: string): void;
}

/**
 * A labelled <select> of the candidates, those of the other side's kind first (in their own group), each named by
 * kind, id and time. Does not filter the candidates.
 */
export function ComparePicker({ side, selected, other, candidates, onPick }: ComparePickerProps) {
  const same = candidates.filter((c) => c.kind === other.kind);
  const rest = candidates.filter((c) => c.kind !== other.kind);
  const option = (a: Artifact) => (
    <option key={a.id} value={a.id}>
      {artifactLabel(a)}
    </option>
  );
  return (
    <label class="compare-picker">
      <span>{side === 'left' ? 'Left (before)' : 'Right (after)'}</span>
      <select data-testid={`compare-${side}`} value={selected.id} onChange={(e) => onPick((e.currentTarget as HTMLSelectElement).value)}>
        {same.length > 0 && <optgroup label={KIND_LABEL[other.kind] ?? other.kind}>{same.map(option)}</optgroup>}
        {rest.length > 0 && <optgroup label="Other artifacts">{rest.map(option)}</optgroup>}
      </select>
    </label>
  );
}
