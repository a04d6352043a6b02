import type { Segment } from '../../model/token-parts.js';
import { CopyButton, type CopyText } from './CopyButton.js';

/** The compact serialization's segments as received, each with a copy button. Does not decode or wrap them. */
export function RawSegments({ segments, copy }: { segments: readonly Segment[]; copy: CopyText }) {
  return (
    <section class="raw-segments" aria-label="Raw segments">
      <h4>Raw</h4>
      <ol>
        {segments.map((s) => (
          <li key={s.part} class={`segment segment-${s.part}`} data-testid="segment" data-part={s.part}>
            <span class="segment-name">{s.part.replaceAll('_', ' ')}</span>
            <code class="segment-text">{s.text}</code>
            <CopyButton text={s.text} what={s.part.replaceAll('_', ' ')} copy={copy} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The raw body of a response or request, folded, with its length. Shown as text only. */
export function RawBody({ raw }: { raw: string }) {
  return (
    <details class="raw-body" data-testid="raw-body">
      <summary>Raw ({raw.length} characters)</summary>
      <pre>{raw}</pre>
    </details>
  );
}
