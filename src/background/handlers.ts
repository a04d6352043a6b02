import { RULE_IDS } from '../core/rules/catalogue.js';

/** The worker's answer to `{ type: 'ping' }`: it is alive, and how many rules the catalogue holds. */
export interface Pong {
  type: 'pong';
  rules: number;
}

/** Handlers of one-off runtime messages, by message `type`. */
const handlers: Record<string, () => unknown> = {
  ping: (): Pong => ({ type: 'pong', rules: RULE_IDS.length }),
};

/**
 * The answer to a one-off runtime message, or `undefined` when the message is not ours (not an object, no string
 * `type`, or a type without handler), so another listener may answer it. Pure: does not touch browser APIs and
 * does not throw on any input.
 */
export function answerMessage(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return undefined;
  const type: unknown = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  return handlers[type]?.();
}
