import { h } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { charCount, SHOWN_CHARS, shownText, type TextLayout } from '../../model/shown-text.js';
import '../../styles/captured-text.css';

/** Props of {@link CapturedText}: the value, how it is laid out, and the element that holds it. */
export interface CapturedTextProps {
  text: string;
  /** `line` (default) escapes newlines and tabs too; `lines` keeps them (bodies, indented JSON). */
  layout?: TextLayout;
  /** The element holding the text (its only child): `span` by default. */
  as?: 'span' | 'code' | 'pre';
  /** Characters shown before "show all" (default SHOWN_CHARS). */
  limit?: number;
  class?: string;
  title?: string;
  [data: `data-${string}`]: string | undefined;
}

/** A value longer than its limit: cut, with the button that shows the rest. */
function LongText({ text, layout, as, limit, attrs }: { text: string; layout: TextLayout; as: string; limit: number; attrs: Record<string, unknown> }) {
  const [all, setAll] = useState(false);
  const shown = useMemo(() => shownText(text, layout, all, limit), [text, layout, all, limit]);
  return (
    <>
      {h(as, attrs, shown.text)}
      {shown.hidden > 0 && (
        <button
          type="button"
          class="show-all"
          data-testid="show-all"
          data-hidden={String(shown.hidden)}
          title={`Shows the remaining ${charCount(shown.hidden)}; a very long value takes a while to lay out.`}
          onClick={() => setAll(true)}
        >
          … show all ({charCount(shown.hidden)} more)
        </button>
      )}
    </>
  );
}

/**
 * Text the panel did not write, shown safely: as a text node only (never HTML, never a link), control and bidi
 * characters escaped, and cut at `limit` characters with a "show all" button after the element, so that the
 * element holds the value's text and nothing else. A value within the limit costs one element, no state. Does
 * not copy, wrap or scroll (the caller's CSS does).
 */
export function CapturedText({ text, layout = 'line', as = 'span', limit = SHOWN_CHARS, ...attrs }: CapturedTextProps) {
  if (text.length <= limit) return h(as, attrs, shownText(text, layout, true).text);
  return <LongText text={text} layout={layout} as={as} limit={limit} attrs={attrs} />;
}
