/**
 * A {@link PanelConnection} driven by hand: the harness (and its tests) set the tab state, the connection
 * status and errors, and read back what the panel sent. No worker, no browser API.
 */
import { signal } from '@preact/signals';
import type { PanelRequest, TabState } from '../../shared/protocol.js';
import type { ConnectionState, PanelConnection } from '../connection.js';

/** A fake connection plus the handles to drive it. */
export interface FakeConnection extends PanelConnection {
  setState(state: TabState | undefined): void;
  setStatus(status: ConnectionState): void;
  setError(error: { code: string; message: string } | undefined): void;
  /** Every request the panel sent, in order. */
  sent: PanelRequest[];
}

/** Creates a connected fake connection with no state yet. */
export function createFakeConnection(): FakeConnection {
  const state = signal<TabState | undefined>(undefined);
  const status = signal<ConnectionState>('connected');
  const everConnected = signal(true);
  const error = signal<{ code: string; message: string } | undefined>(undefined);
  const sent: PanelRequest[] = [];
  return {
    state,
    status,
    everConnected,
    error,
    sent,
    send(request) {
      sent.push(request);
      return status.value === 'connected';
    },
    close() {
      status.value = 'reconnecting';
    },
    setState(next) {
      state.value = next;
    },
    setStatus(next) {
      status.value = next;
      if (next === 'connected') everConnected.value = true;
    },
    setError(next) {
      error.value = next;
    },
  };
}
