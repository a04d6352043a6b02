import type { ConnectionState } from '../connection.js';

/** Whether the panel is linked to the capture worker. */
export function ConnectionBadge({ status, everConnected }: { status: ConnectionState; everConnected: boolean }) {
  const text = status === 'connected' ? 'Connected' : everConnected ? 'Reconnecting to the capture worker…' : 'Connecting…';
  return (
    <span class={`connection connection-${status}`} data-testid="connection" data-state={status} role="status">
      {text}
    </span>
  );
}
