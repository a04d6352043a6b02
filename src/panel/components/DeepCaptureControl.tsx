import { useState } from 'preact/hooks';

/** Props of {@link DeepCaptureControl}. */
export interface DeepCaptureControlProps {
  disabled: boolean;
  /** Asks the worker to attach or detach the debugger; resolves to its answer. */
  request(on: boolean): Promise<{ ok: boolean; error?: string }>;
}

/** The sentence shown before deep capture starts, so the user expects Chrome's debugging bar. */
export const DEEP_CAPTURE_WARNING =
  'Deep capture attaches Chrome\'s debugger to this tab to read every response body, including server-rendered ' +
  'pages and navigations. While it is on, Chrome shows a bar saying that Token Inspector "is debugging this ' +
  'browser"; closing that bar with Cancel stops deep capture.';

/**
 * Switches deep capture for the tab (deep-capture build only): turning it on asks for confirmation first,
 * turning it off does not. Knows only what it asked for; it does not notice the user cancelling Chrome's bar.
 */
export function DeepCaptureControl({ disabled, request }: DeepCaptureControlProps) {
  const [on, setOn] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const switchTo = async (next: boolean): Promise<void> => {
    setConfirming(false);
    setBusy(true);
    const answer = await request(next);
    setBusy(false);
    if (answer.ok) {
      setOn(next);
      setError('');
    } else {
      setError(answer.error ?? 'Deep capture could not be switched.');
    }
  };

  return (
    <span class="deep-capture">
      <button
        type="button"
        data-testid="deep-capture"
        data-on={String(on)}
        disabled={disabled || busy || confirming}
        onClick={() => (on ? void switchTo(false) : setConfirming(true))}
      >
        {on ? 'Stop deep capture' : 'Deep capture…'}
      </button>
      {confirming && (
        <span class="confirm" role="alertdialog" aria-labelledby="deep-capture-warning">
          <span id="deep-capture-warning" data-testid="deep-capture-warning">
            {DEEP_CAPTURE_WARNING}
          </span>
          <button type="button" data-testid="deep-capture-confirm" onClick={() => void switchTo(true)}>
            Start deep capture
          </button>
          <button type="button" data-testid="deep-capture-cancel" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      )}
      {error !== '' && (
        <span class="error" role="alert" data-testid="deep-capture-error">
          {error}
        </span>
      )}
    </span>
  );
}
