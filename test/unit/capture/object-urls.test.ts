/** The page hook's object-URL map (hook/object-urls.ts): what the page gets is the browser's own, unchanged. */
import { describe, expect, it, vi } from 'vitest';
import { trackObjectUrls } from '../../../src/capture/hook/object-urls.js';

function statics() {
  let n = 0;
  const s = {
    createObjectURL: vi.fn(function createObjectURL(this: unknown, obj: unknown): string {
      if (obj === 'bad') throw new TypeError('Overload resolution failed.');
      return `blob:https://rp.example.com/${++n}`;
    }),
    revokeObjectURL: vi.fn(function revokeObjectURL(_url: unknown): void {}),
  };
  const originals = { create: s.createObjectURL, revoke: s.revokeObjectURL };
  return { s, originals };
}

describe('trackObjectUrls', () => {
  it('calls the originals with the same this and arguments and returns their results', () => {
    const { s, originals } = statics();
    const urls = trackObjectUrls(s as never);
    const blob = new Blob(['x']);
    const url = s.createObjectURL(blob);
    expect(url).toBe('blob:https://rp.example.com/1');
    expect(originals.create.mock.contexts[0]).toBe(s);
    expect(originals.create.mock.calls[0]).toEqual([blob]);
    expect(s.revokeObjectURL(url)).toBeUndefined();
    expect(originals.revoke.mock.calls[0]).toEqual([url]);
    expect(urls.blobOf(url)).toBeUndefined();
  });

  it('maps URLs of Blobs and Files until the page revokes them', () => {
    const { s } = statics();
    const urls = trackObjectUrls(s as never);
    const blob = new Blob(['a']);
    const file = new File(['b'], 'w.js');
    const [a, b] = [s.createObjectURL(blob), s.createObjectURL(file)];
    expect(urls.blobOf(a)).toBe(blob);
    expect(urls.blobOf(b)).toBe(file);
    s.revokeObjectURL(a);
    expect(urls.blobOf(a)).toBeUndefined();
    expect(urls.blobOf(b)).toBe(file);
  });

  it('does not map other objects (a MediaSource), and passes on what the original throws', () => {
    const { s } = statics();
    const urls = trackObjectUrls(s as never);
    const media = s.createObjectURL({ kind: 'MediaSource' } as never);
    expect(urls.blobOf(media)).toBeUndefined();
    expect(() => s.createObjectURL('bad' as never)).toThrow(new TypeError('Overload resolution failed.'));
  });

  it("makes and revokes its own URLs with the browser's functions, outside the page's map and wrappers", () => {
    const { s, originals } = statics();
    const urls = trackObjectUrls(s as never);
    const pageWrapper = vi.fn(s.createObjectURL);
    s.createObjectURL = pageWrapper as never;
    const ours = urls.create(new Blob(['hook']));
    expect(pageWrapper).not.toHaveBeenCalled();
    expect(originals.create).toHaveBeenCalledTimes(1);
    expect(urls.blobOf(ours)).toBeUndefined();
    urls.revoke(ours);
    expect(originals.revoke.mock.calls[0]).toEqual([ours]);
  });

  it('keeps the functions\' lengths', () => {
    const { s } = statics();
    const before = [s.createObjectURL.length, s.revokeObjectURL.length];
    trackObjectUrls(s as never);
    expect([s.createObjectURL.length, s.revokeObjectURL.length]).toEqual(before);
  });
});
