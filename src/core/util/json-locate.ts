/**
 * Where a JSON text stops being JSON. `JSON.parse` says why, but V8 often not where ("Unexpected token ',', ...
 * is not valid JSON"); this scan finds the offset without building any value.
 */

const enum Want {
  Value,
  ValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  After,
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** End (after the closing quote) of the string starting at `start`, or `-1 - offset` of the first bad character. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1 - i;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return -1 - i;
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return -1 - i;
    }
  }
  return -1 - text.length;
}

function literalEnd(text: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

/**
 * Offset of the first character where `text` is not valid JSON (`text.length` when it ends too early), or
 * undefined when it is valid JSON. Iterative, so deep nesting can't overflow the stack. Never throws. Does not
 * report why; `JSON.parse` says that.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const stack: boolean[] = []; // true: object, false: array
  let want = Want.Value;
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= n) return want === Want.After && stack.length === 0 ? undefined : n;
    const c = text.charCodeAt(i);
    if (want === Want.Value || want === Want.ValueOrEnd) {
      if (want === Want.ValueOrEnd && c === 0x5d) {
        stack.pop();
        i++;
        want = Want.After;
      } else if (c === 0x7b || c === 0x5b) {
        stack.push(c === 0x7b);
        i++;
        want = c === 0x7b ? Want.KeyOrEnd : Want.ValueOrEnd;
      } else if (c === 0x22) {
        const end = stringEnd(text, i);
        if (end < 0) return -1 - end;
        i = end;
        want = Want.After;
      } else {
        const end = literalEnd(text, i);
        if (end < 0) return i;
        i = end;
        want = Want.After;
      }
    } else if (want === Want.KeyOrEnd || want === Want.Key) {
      if (want === Want.KeyOrEnd && c === 0x7d) {
        stack.pop();
        i++;
        want = Want.After;
        continue;
      }
      if (c !== 0x22) return i;
      const end = stringEnd(text, i);
      if (end < 0) return -1 - end;
      i = end;
      want = Want.Colon;
    } else if (want === Want.Colon) {
      if (c !== 0x3a) return i;
      i++;
      want = Want.Value;
    } else {
      if (stack.length === 0) return i;
      const inObject = stack[stack.length - 1]!;
      if (c === 0x2c) {
        i++;
        want = inObject ? Want.Key : Want.Value;
      } else if (c === (inObject ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
