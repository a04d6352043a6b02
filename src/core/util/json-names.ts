/**
 * Duplicate member names in JSON text. `JSON.parse` keeps the last of duplicated names silently, so the text
 * itself has to be scanned. The fast path counts member names in the text and in the parsed value; only when
 * they differ does the exact scan run.
 */
import { followedByColon, stringEnd } from './json-literal.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Number of member names written in a JSON text (assumed valid JSON). */
/**
 * Member names written in a JSON text (assumed valid JSON). Jumps from quote to quote with `indexOf`, which
 * runs natively: this scan is on the path of every decoded token.
 */
function countNamesInText(text: string): number {
  let names = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    // The closing quote is the next one not escaped by an odd run of backslashes.
    let end = text.indexOf('"', i + 1);
    while (end > 0) {
      let slashes = 0;
      for (let k = end - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
      if (slashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (end < 0) break;
    if (followedByColon(text, end + 1)) names++;
    i = text.indexOf('"', end + 1);
  }
  return names;
}

/** Number of member names in a parsed JSON value, at every depth. Iterative: the value may be nested arbitrarily deep. */
/** Member names in a parsed JSON value, at every depth, and the deepest nesting (the root is level 1). */
function walkValue(value: unknown): { names: number; depth: number } {
  let names = 0;
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, level] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (level > max) max = level;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push([item, level + 1]);
      continue;
    }
    for (const key in v) {
      names++;
      const item = (v as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push([item, level + 1]);
    }
  }
  return { names, depth: max };
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
  return scanJsonText(text, parsed).duplicates;
}

/**
 * One pass over a JSON text and its parsed value: the names that occur more than once in the same object (as
 * {@link duplicateNames}) and the deepest nesting of objects and arrays, so callers need not walk the value
 * again to find out whether it must be cut. Never throws.
 */
export function scanJsonText(text: string, parsed: unknown): { duplicates: string[]; depth: number } {
  const { names, depth } = walkValue(parsed);
  return { duplicates: countNamesInText(text) === names ? [] : scanDuplicates(text), depth };
}
