import type { PanelRequest } from '../../shared/protocol.js';
import type { CaptureSummary } from '../model/capture-summary.js';
import { DeepCaptureControl } from './DeepCaptureControl.js';

/** Props of {@link CaptureControls}. */
export interface CaptureControlsProps {
  tabId: number;
  summary: CaptureSummary;
  connected: boolean;
  send(request: PanelRequest): boolean;
  /** Present only in the deep-capture build. */
  deepCapture?: (on: boolean) => Promise<{ ok: boolean; error?: string }>;
}

/** The live capture's controls: pause, resume, clear, preserve log, and deep capture where built in. */
export function CaptureControls({ tabId, summary, connected, send, deepCapture }: CaptureControlsProps) {
  return (
    <div class="capture-controls" role="group" aria-label="Capture">
      <button type="button" data-testid="pause" disabled={!connected || summary.paused} onClick={() => send({ type: 'pause', tabId })}>
        Pause
      </button>
      <button type="button" data-testid="resume" disabled={!connected || !summary.paused} onClick={() => send({ type: 'resume', tabId })}>
        Resume
      </button>
      <button type="button" data-testid="clear" disabled={!connected} onClick={() => send({ type: 'clear', tabId })}>
        Clear
      </button>
      <label>
        <input
          type="checkbox"
          data-testid="preserve"
          checked={summary.preserve}
          disabled={!connected}
          onChange={(e) => send({ type: 'preserve', tabId, preserve: e.currentTarget.checked })}
        />
        Preserve log
      </label>
      {deepCapture && <DeepCaptureControl disabled={!connected} request={deepCapture} />}
    </div>
  );
}
