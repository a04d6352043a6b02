import type { Notice } from '../store/options-model.js';

/** The result of the last action, announced politely to screen readers. Text only. */
export function NoticeLine({ notice }: { notice: Notice | undefined }) {
  return (
    <p
      class={notice?.kind === 'error' ? 'notice notice-error' : 'notice'}
      role="status"
      aria-live="polite"
      data-testid="options-status"
      data-kind={notice?.kind ?? ''}
    >
      {notice?.text ?? ''}
    </p>
  );
}
