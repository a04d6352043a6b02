import { describe, expect, it } from 'vitest';
import { createJsonCache, REFETCH_INTERVAL_MS } from '../../../src/background/json-cache.js';

function counting() {
  const asked: string[] = [];
  let fail = false;
  return {
    asked,
    failNext: () => (fail = true),
    fetch: async (url: string) => {
      asked.push(url);
      if (fail) {
        fail = false;
        throw new Error('offline');
      }
      return { url, n: asked.length };
    },
  };
}

const JWKS = 'https://idp/jwks';

describe('createJsonCache', () => {
  it('answers the first request of a URL in a run from the cache, within the time limit', async () => {
    const f = counting();
    let now = 0;
    const cache = createJsonCache(f.fetch, 100_000, () => now);
    await cache.forRun()(JWKS);
    now = 99_999;
    await expect(cache.forRun()(JWKS)).resolves.toEqual({ url: JWKS, n: 1 });
    now = 100_000;
    await expect(cache.forRun()(JWKS)).resolves.toEqual({ url: JWKS, n: 2 });
  });

  it('fetches again for the second request of a URL in one run (the unknown-kid refetch) once the last fetch is a minute old', async () => {
    const f = counting();
    let now = 0;
    const cache = createJsonCache(f.fetch, 5 * 60_000, () => now);
    await cache.forRun()(JWKS);
    now = REFETCH_INTERVAL_MS;
    const run = cache.forRun();
    await expect(run(JWKS)).resolves.toEqual({ url: JWKS, n: 1 });
    await expect(run(JWKS)).resolves.toEqual({ url: JWKS, n: 2 });
    await expect(cache.forRun()(JWKS)).resolves.toEqual({ url: JWKS, n: 2 });
  });

  it('refetches an unknown kid at most once per URL per minute, however many runs ask (issue 3 review)', async () => {
    const f = counting();
    let now = 1_000;
    const cache = createJsonCache(f.fetch, 5 * 60_000, () => now);
    // An analysis run every 150 ms for three minutes, each asking twice (a kid the JWKS does not have).
    for (; now < 1_000 + 3 * 60_000; now += 150) {
      const run = cache.forRun();
      await run(JWKS);
      await run(JWKS);
    }
    expect(f.asked).toHaveLength(3);
  });

  it('shares one fetch between concurrent runs, and keeps a failure for a minute only', async () => {
    const f = counting();
    let now = 0;
    const cache = createJsonCache(f.fetch, 5 * 60_000, () => now);
    f.failNext();
    const [a, b] = await Promise.allSettled([cache.forRun()('https://idp/d'), cache.forRun()('https://idp/d')]);
    expect([a.status, b.status]).toEqual(['rejected', 'rejected']);
    await expect(cache.forRun()('https://idp/d')).rejects.toThrow('offline');
    expect(f.asked).toHaveLength(1);
    now = REFETCH_INTERVAL_MS;
    await expect(cache.forRun()('https://idp/d')).resolves.toEqual({ url: 'https://idp/d', n: 2 });
  });

  it('forgets everything on clear', async () => {
    const f = counting();
    const cache = createJsonCache(f.fetch, 5 * 60_000, () => 0);
    f.failNext();
    await expect(cache.forRun()(JWKS)).rejects.toThrow('offline');
    cache.clear();
    await expect(cache.forRun()(JWKS)).resolves.toEqual({ url: JWKS, n: 2 });
  });
});
