import type { DevtoolsOnlyHost } from '../../model/devtools-hosts.js';
import type { CaptureHostResult } from '../../capture-host.js';
import { CaptureHostButton } from './CaptureHostButton.js';

/** Props of {@link DevtoolsHosts}. */
export interface DevtoolsHostsProps {
  hosts: readonly DevtoolsOnlyHost[];
  captureHost?: (host: string) => Promise<CaptureHostResult>;
}

/** Hosts whose requests only DevTools saw, each with an offer to capture it with DevTools closed too. */
export function DevtoolsHosts({ hosts, captureHost }: DevtoolsHostsProps) {
  if (hosts.length === 0) return null;
  return (
    <section class="devtools-hosts" data-testid="devtools-only-hosts" aria-label="Hosts seen only through DevTools">
      <p class="muted">Seen only through DevTools (captured while DevTools is open on this tab):</p>
      <ul>
        {hosts.map((h) => (
          <li key={h.host} data-testid="devtools-only-host" data-host={h.host}>
            <span class="url">{h.host}</span> <span class="muted">({h.requests} {h.requests === 1 ? 'request' : 'requests'})</span>{' '}
            {captureHost && <CaptureHostButton host={h.host} captureHost={captureHost} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
