import { describe, expect, it } from 'vitest';
import { captureEndSeconds } from '../../../src/core/input/capture-end.js';
import type { Exchange } from '../../../src/core/model.js';

const ex = (startedAt: number, endedAt?: number) => ({ id: 'x', method: 'GET', url: 'https://a/', requestHeaders: [], responseHeaders: [], seenBy: {}, startedAt, endedAt }) as Exchange;

describe('captureEndSeconds', () => {
  it('is the second just after the latest end, or start when the end is unknown', () => {
    expect(captureEndSeconds([ex(1_000, 2_500), ex(1_500)])).toBe(3);
    expect(captureEndSeconds([ex(1_000, 2_000), ex(4_001)])).toBe(5);
    expect(captureEndSeconds([ex(2_000, 3_000)])).toBe(3);
  });

  it('is undefined for no exchanges or no usable time', () => {
    expect(captureEndSeconds([])).toBeUndefined();
    expect(captureEndSeconds([ex(0)])).toBeUndefined();
  });
});
