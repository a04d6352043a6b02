import type { CaptureHealth, SourceHealth } from '../../../shared/protocol.js';

const NAMES: Record<SourceHealth['source'], string> = {
  webRequest: 'webRequest',
  'page-hook': 'page hook',
  devtools: 'DevTools',
  filterResponseData: 'response filter',
};

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString();
}

/**
 * The capture-health line of the live tab: each capture source's state (active, off, no host access for a host,
 * DevTools closed, paused) with its reason, and since when the tab is paused and what that dropped.
 */
export function CaptureHealthLine({ health }: { health: CaptureHealth }) {
  return (
    <p class="capture-health" data-testid="capture-health" data-host={health.host ?? ''} data-configured={String(health.configured)} data-devtools={String(health.devtoolsOpen)}>
      {health.sources.map((s, i) => (
        <span key={s.source} data-testid="source-health" data-source={s.source} data-state={s.state} class={`source-${s.state}`} title={s.detail}>
          {i > 0 && ' · '}
          {NAMES[s.source]}: {s.state === 'active' ? 'active' : s.detail}
        </span>
      ))}
      {health.pausedAt !== undefined && (
        <span data-testid="paused-since">
          {' '}
          · paused since {clock(health.pausedAt)}, {health.droppedWhilePaused} {health.droppedWhilePaused === 1 ? 'request' : 'requests'} dropped while paused
        </span>
      )}
    </p>
  );
}
