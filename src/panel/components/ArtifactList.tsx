import type { ArtifactView } from '../store/view-model.js';
import { ArtifactItem } from './ArtifactItem.js';

/** Tokens and endpoint responses found in the tab's traffic. */
export function ArtifactList({ artifacts }: { artifacts: ArtifactView[] }) {
  return (
    <section aria-labelledby="artifacts-heading">
      <h2 id="artifacts-heading">Tokens and responses</h2>
      {artifacts.length === 0 ? (
        <p class="muted">Nothing decoded yet.</p>
      ) : (
        <ul class="artifacts">
          {artifacts.map((artifact) => (
            <ArtifactItem key={artifact.id} artifact={artifact} />
          ))}
        </ul>
      )}
    </section>
  );
}
