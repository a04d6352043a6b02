/**
 * Duplicate member names in JSON text. `JSON.parse` keeps the last of duplicated names silently, so the text
 * itself has to be scanned. The fast path counts member names in the text and in the parsed value; only when
 * they differ does the exact scan run.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** End index (exclusive) of the string literal starting at `start` (a quote), or -1 if unterminated. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

function followedByColon(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return true;
    if (!isWhitespace(c)) return false;
  }
  return false;
}

/** Number of member names written in a JSON text (assumed valid JSON). */
function countNamesInText(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== QUOTE) continue;
    const end = stringEnd(text, i);
    if (end < 0) break;
    if (followedByColon(text, end)) count++;
    i = end - 1;
  }
  return count;
}

/** Number of member names in a parsed JSON value, at every depth. Iterative: the value may be nested arbitrarily deep. */
function countNamesInValue(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in v) {
      n++;
      const item = (v as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return n;
}

/** More duplicates than this are not listed: a hostile text could repeat a name at every one of 50,000 levels. */
export const MAX_DUPLICATES = 100;

/** The exact scan: every name that occurs twice in the same object, with its JSON path. */
function scanDuplicates(text: string): string[] {
  const stack: (Set<string> | null)[] = [];
  const path: string[] = [];
  const found: string[] = [];
  let pendingName: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      stack.push(new Set());
      path.push(pendingName ?? '');
      pendingName = undefined;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      path.push(pendingName ?? '');
      pendingName = undefined;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      path.pop();
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      if (followedByColon(text, end)) {
        let name: string;
        try {
          name = JSON.parse(text.slice(i, end)) as string;
        } catch {
          name = text.slice(i + 1, end - 1);
        }
        const names = stack[stack.length - 1];
        if (names) {
          if (!names.has(name)) names.add(name);
          else {
            found.push([...path.slice(1).filter(Boolean), name].join('.'));
            if (found.length >= MAX_DUPLICATES) break;
          }
        }
        pendingName = name;
      }
      i = end - 1;
    } else if (c === 0x2c /* , */) {
      pendingName = undefined;
    }
  }
  return found;
}

/**
 * Names that occur more than once in the same object of `text`, given the value `JSON.parse(text)` returned.
 * Returns dotted paths (`"sub"`, `"address.country"`), at most {@link MAX_DUPLICATES}. Iterative, so any depth
 * works. Does not validate the JSON; never throws.
 */
export function duplicateNames(text: string, parsed: unknown): string[] {
  if (countNamesInText(text) === countNamesInValue(parsed)) return [];
  return scanDuplicates(text);
}
