/**
 * The values redaction replaced somewhere, and what replaced them, so that the same value is replaced wherever
 * else it travels: a token hashed in a form and written into a page's script, a `sub` pseudonymised in the ID token
 * and used in a URL path, a cookie value that is also a `nonce`.
 */

/** Shortest value searched for: shorter ones would match by chance. */
export const MIN_KNOWN = 8;
/** Characters of the key a value is indexed by (every known value is at least this long). */
const KEY = 8;

/** Replaced values and their replacements, searchable in text in one pass over it. */
export class KnownValues {
  private readonly byValue = new Map<string, string>();
  /** The known values by their first {@link KEY} characters, longest first. */
  private readonly byKey = new Map<string, string[]>();

  /**
   * Remembers that `value` was replaced by `replacement`. Values shorter than {@link MIN_KNOWN} characters and
   * http(s) URLs (a personal URL may equal an issuer the analysis needs) are not remembered.
   */
  add(value: string, replacement: string): void {
    if (value.length < MIN_KNOWN || value === replacement || this.byValue.has(value) || /^https?:\/\//i.test(value)) return;
    this.byValue.set(value, replacement);
    const key = value.slice(0, KEY);
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [value]);
    else {
      list.push(value);
      list.sort((a, b) => b.length - a.length);
    }
  }

  /** Forgets `value` (a client id that a first pass pseudonymised before it learnt it was one). */
  delete(value: string): void {
    if (!this.byValue.delete(value)) return;
    const key = value.slice(0, KEY);
    const list = this.byKey.get(key)!.filter((v) => v !== value);
    if (list.length === 0) this.byKey.delete(key);
    else this.byKey.set(key, list);
  }

  /** The replacement of a value replaced elsewhere, or undefined. */
  get(value: string): string | undefined {
    return this.byValue.get(value);
  }

  get size(): number {
    return this.byValue.size;
  }

  /**
   * `text` with every known value in it replaced, longest first where two start at the same place. Linear in the
   * text (one lookup per position), whatever the number of known values.
   */
  replaceIn(text: string): string {
    if (this.byValue.size === 0 || text.length < MIN_KNOWN) return text;
    let out = '';
    let at = 0;
    for (let i = 0; i + KEY <= text.length; i++) {
      const list = this.byKey.get(text.slice(i, i + KEY));
      if (!list) continue;
      const hit = list.find((v) => text.startsWith(v, i));
      if (hit === undefined) continue;
      out += text.slice(at, i) + this.byValue.get(hit)!;
      at = i + hit.length;
      i = at - 1;
    }
    return at === 0 ? text : out + text.slice(at);
  }
}
