import { describe, expect, it } from 'vitest';
import { filteredObservation } from '../../../src/background/capture/filtered-observation.js';
import { copyStreamFilter, type CopiedStream, type StreamFilterLike } from '../../../src/background/capture/stream-copy.js';

class FakeFilter implements StreamFilterLike {
  ondata: StreamFilterLike['ondata'] = null;
  onstop: StreamFilterLike['onstop'] = null;
  onerror: StreamFilterLike['onerror'] = null;
  written: number[] = [];
  calls: string[] = [];
  error?: string;
  failWrite = false;
  write(data: ArrayBuffer | Uint8Array): void {
    if (this.failWrite) throw new Error('closed');
    this.written.push(...new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer));
  }
  close(): void {
    this.calls.push('close');
  }
  disconnect(): void {
    this.calls.push('disconnect');
    throw new Error('already disconnected');
  }
  data(...bytes: number[]) {
    this.ondata?.({ data: Uint8Array.from(bytes).buffer });
  }
}

function run(limit: number) {
  const filter = new FakeFilter();
  const copies: CopiedStream[] = [];
  copyStreamFilter(filter, limit, (copy) => copies.push(copy));
  return { filter, copies };
}

describe('copyStreamFilter', () => {
  it('writes every chunk through unchanged and closes on stop', () => {
    const { filter, copies } = run(100);
    filter.data(1, 2, 3);
    filter.data(4);
    filter.onstop?.({});
    expect(filter.written).toEqual([1, 2, 3, 4]);
    expect(filter.calls).toEqual(['close']);
    expect(copies).toHaveLength(1);
    expect([...copies[0]!.bytes]).toEqual([1, 2, 3, 4]);
    expect(copies[0]!.truncated).toBe(false);
  });

  it('keeps passing bytes beyond the limit but copies only the limit', () => {
    const { filter, copies } = run(3);
    filter.data(1, 2);
    filter.data(3, 4, 5);
    filter.data(6);
    filter.onstop?.({});
    expect(filter.written).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...copies[0]!.bytes]).toEqual([1, 2, 3]);
    expect(copies[0]!.truncated).toBe(true);
  });

  it('disconnects on error (even when disconnect throws) and reports the error once', () => {
    const { filter, copies } = run(10);
    filter.data(9);
    filter.error = 'Invalid request ID';
    filter.onerror?.({});
    filter.onstop?.({});
    expect(filter.calls).toEqual(['disconnect', 'close']);
    expect(copies).toEqual([{ bytes: Uint8Array.of(9), truncated: false, error: 'Invalid request ID' }]);
  });

  it('disconnects when writing through fails', () => {
    const { filter, copies } = run(10);
    filter.failWrite = true;
    filter.data(1);
    expect(filter.calls).toEqual(['disconnect']);
    expect(copies[0]?.error).toMatch(/writing the response through failed/);
  });

  it('survives a done callback that throws', () => {
    const filter = new FakeFilter();
    copyStreamFilter(filter, 10, () => {
      throw new Error('store down');
    });
    expect(() => filter.onstop?.({})).not.toThrow();
    expect(filter.calls).toEqual(['close']);
  });
});

describe('filteredObservation', () => {
  const hop = { method: 'POST', url: 'https://idp.example.com/token', startedAt: 1_700_000_000_000 };
  const json = new TextEncoder().encode('{"access_token":"x"}');

  it('records the body under the webRequest key', () => {
    const obs = filteredObservation('7', { ...hop, status: 200, contentType: 'application/json' }, { bytes: json, truncated: false });
    expect(obs).toEqual({
      source: 'filterResponseData',
      key: 'wr:7',
      method: 'POST',
      url: hop.url,
      startedAt: hop.startedAt,
      responseBody: { text: '{"access_token":"x"}', mimeType: 'application/json' },
    });
  });

  it.each([301, 302, 303, 307, 308])('skips a %i redirect hop', (status) => {
    expect(filteredObservation('7', { ...hop, status }, { bytes: new Uint8Array(0), truncated: false })).toBeUndefined();
  });

  it('skips a filter that failed before any data', () => {
    expect(filteredObservation('7', hop, { bytes: new Uint8Array(0), truncated: false, error: 'x' })).toBeUndefined();
  });

  it('keeps partial data of a failed filter as truncated, with a note', () => {
    const obs = filteredObservation('7', hop, { bytes: json, truncated: false, error: 'Channel redirected' });
    expect(obs?.responseBody?.truncated).toBe(true);
    expect(obs?.notes).toEqual(['response body incomplete: Channel redirected']);
  });
});
