import { useSignal } from '@preact/signals';
import type { CaptureHostResult } from '../../capture-host.js';

/** Props of {@link CaptureHostButton}. */
export interface CaptureHostButtonProps {
  host: string;
  /** Adds the host after the browser's permission prompt; must call `permissions.request` before it returns. */
  captureHost(host: string): Promise<CaptureHostResult>;
}

/** "Capture <host> with DevTools closed too", and what came of it. The host is text, never a link. */
export function CaptureHostButton({ host, captureHost }: CaptureHostButtonProps) {
  const result = useSignal<CaptureHostResult | undefined>(undefined);
  const busy = useSignal(false);
  const click = () => {
    busy.value = true;
    // No await before this call: the browser shows its prompt only inside the click.
    captureHost(host).then((r) => {
      result.value = r;
      busy.value = false;
    });
  };
  return (
    <span class="capture-host">
      {result.value?.ok !== true && (
        <button type="button" data-testid="capture-host" data-host={host} disabled={busy.value} onClick={click}>
          Capture {host} with DevTools closed too
        </button>
      )}
      {result.value && (
        <span data-testid="capture-host-result" data-ok={String(result.value.ok)} class={result.value.ok ? 'muted' : 'error'} role="status">
          {result.value.message}
        </span>
      )}
    </span>
  );
}
