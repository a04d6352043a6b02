import type { CaptureHealth } from '../../../shared/protocol.js';
import type { CaptureHostResult } from '../../capture-host.js';
import { CaptureHostButton } from './CaptureHostButton.js';

/** Props of {@link EmptyCapture}. */
export interface EmptyCaptureProps {
  health?: CaptureHealth;
  captureHost?: (host: string) => Promise<CaptureHostResult>;
  /** Opens the options page (naming the tab's host, to offer adding it). */
  openOptions?: (host: string | undefined) => void;
}

/**
 * What the panel says while the live tab has nothing captured: which domains are configured, which host the tab is
 * on and whether it is captured, with the offer to configure it. Text only.
 */
export function EmptyCapture({ health, captureHost, openOptions }: EmptyCaptureProps) {
  const domains = health?.domains ?? [];
  const host = health?.host;
  return (
    <div class="empty-capture" data-testid="empty-capture">
      <p>Nothing captured for this tab yet: log in on it, or import a HAR file or paste a token.</p>
      <p class="muted" data-testid="empty-domains">
        {domains.length > 0 ? `Configured domains: ${domains.join(', ')}.` : 'No domain is configured yet.'}
        {openOptions && (
          <>
            {' '}
            <button type="button" class="link-button" data-testid="open-options" onClick={() => openOptions(host)}>
              Options…
            </button>
          </>
        )}
      </p>
      {host !== undefined && (
        <p class="muted" data-testid="empty-host" data-host={host}>
          {health?.configured
            ? `This tab is on ${host}, a configured domain.`
            : health?.devtoolsOpen
              ? `This tab is on ${host}, which is not configured: its login traffic is captured while DevTools is open. `
              : `This tab is on ${host}, which is not configured: open DevTools on it to capture its login traffic, or configure it. `}
          {!health?.configured && captureHost && <CaptureHostButton host={host} captureHost={captureHost} />}
        </p>
      )}
    </div>
  );
}
