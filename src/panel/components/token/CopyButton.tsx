import { useState } from 'preact/hooks';

/** Writes text to the clipboard; injected in tests and the harness. */
export type CopyText = (text: string) => Promise<void>;

/** The browser's clipboard. Does not fall back to `execCommand`: where the API is refused the button says so. */
export const clipboardCopy: CopyText = (text) => navigator.clipboard.writeText(text);

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The exact text to copy. */
  text: string;
  /** What is copied, for the accessible name ("Copy payload"). */
  what: string;
  copy: CopyText;
  /** Visible label; "Copy" when absent. */
  label?: string;
  testId?: string;
}

/**
 * A button that copies `text` with the injected `copy` and then says whether it worked. Does not show the text,
 * time the message out or retry.
 */
export function CopyButton({ text, what, copy, label = 'Copy', testId = 'copy' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = () => {
    copy(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" class="copy-button" data-testid={testId} data-state={state} aria-label={`${label} ${what}`.trim()} onClick={onClick}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
