import type { PanelRequest } from '../../shared/protocol.js';
import type { PanelView } from '../store/view-model.js';
import { CaptureStatus } from './CaptureStatus.js';
import { DeepCaptureControl } from './DeepCaptureControl.js';

/** Props of {@link StatusBar}. */
export interface StatusBarProps {
  view: PanelView;
  connected: boolean;
  send(request: PanelRequest): boolean;
  /** Present only in the deep-capture build. */
  deepCapture?: (on: boolean) => Promise<{ ok: boolean; error?: string }>;
}

/** Capture counts and the controls: pause, resume, clear, preserve log, and deep capture where built in. */
export function StatusBar({ view, connected, send, deepCapture }: StatusBarProps) {
  const tabId = view.tabId;
  return (
    <div class="status-bar" role="toolbar" aria-label="Capture">
      <CaptureStatus view={view} />
      <button type="button" data-testid="pause" disabled={!connected || view.paused} onClick={() => send({ type: 'pause', tabId })}>
        Pause
      </button>
      <button type="button" data-testid="resume" disabled={!connected || !view.paused} onClick={() => send({ type: 'resume', tabId })}>
        Resume
      </button>
      <button type="button" data-testid="clear" disabled={!connected} onClick={() => send({ type: 'clear', tabId })}>
        Clear
      </button>
      <label>
        <input
          type="checkbox"
          data-testid="preserve"
          checked={view.preserve}
          disabled={!connected}
          onChange={(e) => send({ type: 'preserve', tabId, preserve: e.currentTarget.checked })}
        />
        Preserve log
      </label>
      {deepCapture && <DeepCaptureControl disabled={!connected} request={deepCapture} />}
    </div>
  );
}
