import type { Workspace } from '../../workspace/workspace.js';

/**
 * Which dataset is shown: the live tab, or an offline analysis (import, paste). With both present, the user
 * switches between them; the live capture goes on in the background either way.
 */
export function SourceSwitch({ workspace }: { workspace: Workspace }) {
  const offline = workspace.offline.value;
  const showing = workspace.dataset.value;
  if (!offline) return <span class="source" data-testid="source" data-origin="live">{workspace.live.value.name}</span>;
  return (
    <span class="source-switch" role="group" aria-label="Shown data" data-testid="source" data-origin={showing.origin}>
      <button type="button" aria-pressed={showing.origin === 'live'} data-testid="show-live" onClick={() => workspace.show('live')}>
        Live: {workspace.live.value.name}
      </button>
      <button type="button" aria-pressed={showing.origin === 'offline'} data-testid="show-offline" onClick={() => workspace.show('offline')}>
        Offline: {offline.name}
      </button>
    </span>
  );
}
