import { browser } from '../shared/browser.js';
import { PORT_PANEL } from '../shared/protocol.js';
import type { PortLike } from './connection.js';

/** Opens the panel's named port to the worker. Does not subscribe (connection.ts does). */
export function openPanelPort(): PortLike {
  const port = browser.runtime.connect({ name: PORT_PANEL });
  // Reading lastError marks the "no receiver" error of a stopped worker as handled; the connection retries.
  port.onDisconnect.addListener(() => void browser.runtime.lastError);
  return port;
}
