/**
 * JSON parsing that says why text is not JSON, and repairs the two defects hand-written samples
 * (and some servers) produce: missing and trailing commas, and a missing opening brace.
 */

export interface LenientJson {
  /** The parsed value; from the repaired text when `error` is set and the repair worked. */
  value?: unknown;
  /** Why the text is not valid JSON, with line and column. Absent for valid JSON. */
  error?: string;
  /** What the repair changed, one entry per fix, when the text was not valid JSON. */
  repairs?: string[];
}

/** Line and column (1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** `JSON.parse`'s message, with "line L column C" added when V8 gave only a position. */
function describeError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /at position (\d+)/.exec(message);
  if (!m || /line \d+/.test(message)) return message;
  const { line, column } = lineColumn(text, Number(m[1]));
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

const VALUE_START = /["{[\-0-9tfn]/;

/** Adds missing commas and drops trailing ones, outside strings. */
function repair(text: string): { text: string; repairs: string[] } {
  const repairs: string[] = [];
  let out = '';
  let valueEnded = false;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('"') && /^"[^"]*"\s*:/.test(trimmed)) {
    out = '{';
    repairs.push('added the missing opening "{"');
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const literal = text.slice(i, end + 1);
      if (valueEnded) {
        out += ',';
        const { line, column } = lineColumn(text, i);
        repairs.push(`inserted a missing comma before line ${line}, column ${column}`);
      }
      out += literal;
      i = end;
      // A name is followed by ':', a value is not.
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      valueEnded = text[j] !== ':';
      continue;
    }
    if (/\s/.test(ch)) {
      out += ch;
      continue;
    }
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') {
        const { line, column } = lineColumn(text, i);
        repairs.push(`removed a trailing comma at line ${line}, column ${column}`);
      } else {
        out += ch;
      }
      valueEnded = false;
      continue;
    }
    if (valueEnded && VALUE_START.test(ch)) {
      const { line, column } = lineColumn(text, i);
      repairs.push(`inserted a missing comma before line ${line}, column ${column}`);
      out += ',';
    }
    if (/[-0-9a-z]/i.test(ch)) {
      // A number or literal: take it whole.
      let end = i + 1;
      while (end < text.length && /[-+.0-9a-z]/i.test(text[end]!)) end++;
      out += text.slice(i, end);
      i = end - 1;
      valueEnded = true;
      continue;
    }
    out += ch;
    valueEnded = ch === '}' || ch === ']';
  }
  return { text: out, repairs };
}

/**
 * Parses JSON; on failure, says why (with line and column) and tries the repair.
 * Never throws. Does not accept comments, single quotes or other JSON5 syntax.
 */
export function parseJsonLenient(text: string): LenientJson {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    const error = describeError(text, err);
    const fixed = repair(text);
    if (fixed.repairs.length === 0) return { error };
    try {
      return { value: JSON.parse(fixed.text), error, repairs: fixed.repairs };
    } catch {
      return { error };
    }
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
