import type { Exchange } from '../model.js';

/**
 * The unix second just after the last exchange ended (or started, when its end is unknown): "now" for judging a
 * capture as it was when it was made, as the CLI and the panel do for HAR input. Undefined for no exchanges or
 * no usable times. Does not read the clock.
 */
export function captureEndSeconds(exchanges: readonly Exchange[]): number | undefined {
  let last = 0;
  for (const e of exchanges) last = Math.max(last, e.endedAt ?? e.startedAt);
  return last > 0 ? Math.ceil(last / 1000) : undefined;
}
