/** Which Blob each object URL the page created stands for, so that a worker from such a URL can be wrapped. */
import { uncurry } from './builtins.js';
import { classOf } from './request-body.js';

/** The lookups the Worker wrapper needs. */
export interface ObjectUrls {
  /** The Blob behind an object URL the page created and has not revoked, by the exact string it got. */
  blobOf(url: string): Blob | undefined;
  /** The browser's own `URL.createObjectURL`, taken at install (our URLs never enter the map). */
  create(blob: Blob): string;
  /** The browser's own `URL.revokeObjectURL`, taken at install. */
  revoke(url: string): void;
}

/** The static members of `URL` this module replaces. */
export interface UrlStatics {
  createObjectURL(obj: Blob | MediaSource): string;
  revokeObjectURL(url: string): void;
}

/**
 * Replaces `URL.createObjectURL` and `URL.revokeObjectURL` on `statics` (the page's `URL`) with functions that call
 * the originals with the same `this` and arguments and return their results (exceptions included), and keep a
 * map from each URL made for a Blob (or File) to that Blob, removed when the page revokes the URL. The map is what
 * lets the Worker wrapper find the script of `new Worker(url)` synchronously, and keep it after the page revokes
 * the URL right after the constructor. Holds a Blob no longer than the browser's own URL store does. Does not
 * record MediaSource URLs or URLs made before it ran, and never throws into the page.
 */
export function trackObjectUrls(statics: UrlStatics): ObjectUrls {
  const create = statics.createObjectURL;
  const revoke = statics.revokeObjectURL;
  const callCreate = uncurry(create);
  const callRevoke = uncurry(revoke);
  const blobs = new Map<string, Blob>();
  const get = uncurry(Map.prototype.get as (key: string) => Blob | undefined);
  const set = uncurry(Map.prototype.set as (key: string, value: Blob) => void);
  const remove = uncurry(Map.prototype.delete as (key: string) => boolean);

  statics.createObjectURL = function createObjectURL(this: unknown, ...args: [Blob | MediaSource]): string {
    const url = create.apply(this, args);
    try {
      const kind = classOf(args[0]);
      if (typeof url === 'string' && (kind === 'Blob' || kind === 'File')) set(blobs, url, args[0] as Blob);
    } catch {
      // Only the map is affected.
    }
    return url;
  };
  statics.revokeObjectURL = function revokeObjectURL(this: unknown, ...args: [string]): void {
    const result = revoke.apply(this, args);
    try {
      if (typeof args[0] === 'string') remove(blobs, args[0]);
    } catch {
      // Only the map is affected.
    }
    return result;
  };
  for (const [name, original] of [['createObjectURL', create], ['revokeObjectURL', revoke]] as const) {
    try {
      Object.defineProperty(statics[name], 'length', { value: original.length });
    } catch {
      // Cosmetic only.
    }
  }
  return {
    blobOf: (url) => get(blobs, url),
    create: (blob) => callCreate(statics, blob),
    revoke: (url) => callRevoke(statics, url),
  };
}
