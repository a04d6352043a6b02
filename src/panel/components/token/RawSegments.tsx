import type { Segment } from '../../model/token-parts.js';
import { charCount } from '../../model/shown-text.js';
import { CapturedText } from '../text/CapturedText.js';
import { CopyButton, type CopyText } from './CopyButton.js';

/**
 * The compact serialization's segments as received (a long one cut, with "show all"), each with a copy button
 * that copies all of it. Does not decode or wrap them.
 */
export function RawSegments({ segments, copy }: { segments: readonly Segment[]; copy: CopyText }) {
  return (
    <section class="raw-segments" aria-label="Raw segments">
      <h4>Raw</h4>
      <ol>
        {segments.map((s) => (
          <li key={s.part} class={`segment segment-${s.part}`} data-testid="segment" data-part={s.part}>
            <span class="segment-name">{s.part.replaceAll('_', ' ')}</span>
            <CapturedText as="code" class="segment-text" text={s.text} />
            <CopyButton text={s.text} what={s.part.replaceAll('_', ' ')} copy={copy} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The raw body of a response or request, folded, with its length. Shown as text only, escaped, a long one cut. */
export function RawBody({ raw }: { raw: string }) {
  return (
    <details class="raw-body" data-testid="raw-body">
      <summary>Raw ({charCount(raw.length)})</summary>
      <CapturedText as="pre" text={raw} layout="lines" />
    </details>
  );
}
