import { browser } from '../shared/browser.js';
import { answerMessage } from './handlers.js';

// The per-tab store and the capture sources arrive with live capture; until then the worker only answers pings.
browser.runtime.onInstalled.addListener(() => undefined);

// Returning undefined for foreign messages leaves them to other listeners; a promise answers the sender.
browser.runtime.onMessage.addListener((message: unknown) => {
  const reply = answerMessage(message);
  return reply === undefined ? undefined : Promise.resolve(reply);
});
