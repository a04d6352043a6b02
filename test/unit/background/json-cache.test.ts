import { describe, expect, it } from 'vitest';
import { createJsonCache } from '../../../src/background/json-cache.js';

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

describe('createJsonCache', () => {
  it('answers the first request of a URL in a run from the cache, within the time limit', async () => {
    const f = counting();
    let now = 0;
    const cache = createJsonCache(f.fetch, 1000, () => now);
    await cache.forRun()('https://idp/jwks');
    now = 999;
    await expect(cache.forRun()('https://idp/jwks')).resolves.toEqual({ url: 'https://idp/jwks', n: 1 });
    now = 1000;
    await expect(cache.forRun()('https://idp/jwks')).resolves.toEqual({ url: 'https://idp/jwks', n: 2 });
  });

  it('fetches again for the second request of a URL in one run (the unknown-kid refetch)', async () => {
    const f = counting();
    const cache = createJsonCache(f.fetch, 60_000, () => 0);
    await cache.forRun()('https://idp/jwks');
    const run = cache.forRun();
    await run('https://idp/jwks');
    await expect(run('https://idp/jwks')).resolves.toEqual({ url: 'https://idp/jwks', n: 2 });
    await expect(cache.forRun()('https://idp/jwks')).resolves.toEqual({ url: 'https://idp/jwks', n: 2 });
  });

  it('shares one fetch between concurrent runs and does not keep failures', async () => {
    const f = counting();
    const cache = createJsonCache(f.fetch, 60_000, () => 0);
    f.failNext();
    const [a, b] = await Promise.allSettled([cache.forRun()('https://idp/d'), cache.forRun()('https://idp/d')]);
    expect([a.status, b.status]).toEqual(['rejected', 'rejected']);
    expect(f.asked).toHaveLength(1);
    await expect(cache.forRun()('https://idp/d')).resolves.toEqual({ url: 'https://idp/d', n: 2 });
  });
});
