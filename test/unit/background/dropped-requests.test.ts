import { describe, expect, it } from 'vitest';
import { createDroppedRequests } from '../../../src/background/store/dropped-requests.js';
import type { Observation } from '../../../src/core/capture/observation.js';

const T0 = 1_700_000_000_000;
const obs = (part: Partial<Observation>): Observation => ({ source: 'webRequest', method: 'POST', url: 'https://idp.example/token', startedAt: T0, ...part });

describe('dropped requests (review: a paused tab counted observations, not requests)', () => {
  it('counts one request once, whatever number of sources saw it', () => {
    const d = createDroppedRequests();
    expect(d.count(1, [obs({ key: 'wr:1', requestForm: { grant_type: ['refresh_token'] } })])).toBe(1);
    expect(d.count(1, [obs({ source: 'page-hook', startedAt: T0 + 3, requestForm: { grant_type: ['refresh_token'] }, responseBody: { text: '{}' } })])).toBe(0);
    expect(d.count(1, [obs({ source: 'devtools', key: `dt:${T0} POST https://idp.example/token`, status: 200 })])).toBe(0);
  });

  it('counts polling requests and other tabs apart, and again after forget', () => {
    const d = createDroppedRequests();
    expect(d.count(1, [obs({ key: 'wr:1' }), obs({ key: 'wr:2', startedAt: T0 + 60_000 })])).toBe(2);
    expect(d.count(2, [obs({ key: 'wr:1' })])).toBe(1);
    d.forget(1);
    expect(d.count(1, [obs({ key: 'wr:1' })])).toBe(1);
  });

  it('remembers a bounded number of requests', () => {
    const d = createDroppedRequests(2);
    d.count(1, [obs({ key: 'wr:1' }), obs({ key: 'wr:2' }), obs({ key: 'wr:3' })]);
    expect(d.count(1, [obs({ key: 'wr:1' })])).toBe(1);
    expect(d.count(1, [obs({ key: 'wr:3' })])).toBe(0);
  });
});
