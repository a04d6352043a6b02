/**
 * JSON parsing that says why text is not JSON, and repairs the two defects hand-written samples
 * (and some servers) produce: missing and trailing commas, and a missing opening brace.
 */
import { limitDepth } from './json-depth.js';

/** Texts longer than this (in UTF-16 code units) are not repaired: only the error is reported. */
export const MAX_REPAIR_LENGTH = 256 * 1024;
/** A text needing more fixes than this is not a sample with a slip but something else: it is not repaired. */
export const MAX_REPAIRS = 20;

export interface LenientJson {
  /** The parsed value; from the repaired text when `error` is set and the repair worked. */
  value?: unknown;
  /** Why the text is not valid JSON, with line and column. Absent for valid JSON. */
  error?: string;
  /** What the repair changed, one entry per fix, when the text was not valid JSON. */
  repairs?: string[];
  /**
   * Set when `value` was nested deeper than 64 levels: the deeper objects and arrays were replaced by the
   * string "[nested deeper than 64 levels]". The caller reports it.
   */
  truncatedDepth?: true;
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

/**
 * {@link lineColumn} for offsets asked in increasing order: each call scans only from the previous offset,
 * so locating every repair of a text is linear, not quadratic.
 */
function lineTracker(text: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return (offset) => {
    for (; scanned < offset && scanned < text.length; scanned++) {
      if (text.charCodeAt(scanned) === 0x0a) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
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

/**
 * Adds missing commas and drops trailing ones, outside strings. Gives up (undefined) when the text needs
 * more than {@link MAX_REPAIRS} fixes. Linear in the length of the text.
 */
function repair(text: string): { text: string; repairs: string[] } | undefined {
  const repairs: string[] = [];
  const locate = lineTracker(text);
  const fix = (message: (line: number, column: number) => string, offset: number): boolean => {
    if (repairs.length >= MAX_REPAIRS) return false;
    const { line, column } = locate(offset);
    repairs.push(message(line, column));
    return true;
  };
  const missingComma = (line: number, column: number) => `inserted a missing comma before line ${line}, column ${column}`;
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
        if (!fix(missingComma, i)) return undefined;
        out += ',';
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
        if (!fix((line, column) => `removed a trailing comma at line ${line}, column ${column}`, i)) return undefined;
      } else {
        out += ch;
      }
      valueEnded = false;
      continue;
    }
    if (valueEnded && VALUE_START.test(ch)) {
      if (!fix(missingComma, i)) return undefined;
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

/** The parsed value with its depth bounded, and `truncatedDepth` when that changed it. */
function bounded(result: LenientJson): LenientJson {
  if (result.value === undefined) return result;
  const limited = limitDepth(result.value);
  if (!limited.truncated) return result;
  return { ...result, value: limited.value, truncatedDepth: true };
}

function parse(text: string): LenientJson {
  try {
    return bounded({ value: JSON.parse(text) });
  } catch (err) {
    const error = describeError(text, err);
    if (text.length > MAX_REPAIR_LENGTH) return { error };
    const fixed = repair(text);
    if (!fixed || fixed.repairs.length === 0) return { error };
    try {
      return bounded({ value: JSON.parse(fixed.text), error, repairs: fixed.repairs });
    } catch {
      return { error };
    }
  }
}

/**
 * Parses JSON; on failure, says why (with line and column) and tries the repair, unless the text is longer
 * than 256 KB or needs more than 20 fixes. Objects and arrays nested deeper than 64 levels are replaced
 * (see `truncatedDepth`). Never throws, for any input. Does not accept comments, single quotes or other
 * JSON5 syntax.
 */
export function parseJsonLenient(text: string): LenientJson {
  if (typeof text !== 'string') return { error: 'not text' };
  try {
    return parse(text);
  } catch (err) {
    // Nothing in parse() is known to throw; this keeps the promise for inputs nobody thought of.
    return { error: `could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
