/**
 * Finding the values in JSON text, with the member names they sit under, so that redaction can replace them in
 * place: formatting, duplicate names and number spelling survive, and truncated or broken JSON is still scanned.
 */
import { followedByColon, stringEnd } from '../util/json-literal.js';

/** A JSON object as seen while scanning: its member names (complete once the scan is done). */
export interface ScannedObject {
  names: Set<string>;
}

/**
 * A member name and the names above it, as a linked list that literals share: making a literal's path costs nothing,
 * however deep the text nests (hostile JSON must not make redaction quadratic).
 */
export interface JsonPath {
  readonly name: string;
  readonly parent?: JsonPath;
  /** Number of objects around a value under this name: 1 for a member of the top-level object. */
  readonly depth: number;
}

/** One value literal in the text (a string, number, `true`, `false` or `null`). */
export interface JsonLiteral {
  /** Offsets of the literal in the text; `end` is exclusive. A string's quotes are included. */
  start: number;
  end: number;
  type: 'string' | 'number' | 'keyword';
  /** A string's decoded value, else the literal's text. */
  value: string;
  /** A string that the text ends inside (truncated JSON): it has no closing quote. */
  open?: boolean;
  /** The member name of the value and those above it (arrays add none: items sit under the array's name); none at the top level. */
  path?: JsonPath;
  /** The object the value is a member of (or, for an array item, the object holding the array). */
  object?: ScannedObject;
}

interface Frame {
  kind: 'object' | 'array';
  expectName: boolean;
  /** The member that holds this object or array. */
  base?: JsonPath;
  /** An object's current member; an array's is its base. */
  node?: JsonPath;
  object?: ScannedObject;
}


/** The value of a string literal; a literal with a bad escape is taken as written. */
function decodeString(raw: string, open: boolean): string {
  const body = open ? raw.slice(1) : raw.slice(1, -1);
  if (!body.includes('\\')) return body;
  try {
    return JSON.parse(`"${open ? body.replace(/\\$/, '') : body}"`) as string;
  } catch {
    return body;
  }
}

/** Where a literal in `frame` sits. */
function where(frame: Frame | undefined): { path?: JsonPath; object?: ScannedObject } {
  if (!frame) return {};
  const path = frame.node ?? frame.base;
  return { ...(path ? { path } : {}), ...(frame.object ? { object: frame.object } : {}) };
}

function objectFrame(top: Frame | undefined): Frame {
  return { kind: 'object', expectName: true, ...(top?.node ? { base: top.node } : {}), object: { names: new Set() } };
}

const NUMBER = /-?[0-9][0-9.eE+-]*/y;
const KEYWORD = /[A-Za-z]+/y;

/**
 * The value literals of a JSON text, in order, each with the member names above it. Tolerant: it never throws,
 * reads past what is not JSON, reads a string followed by `:` as a member name even where an opening brace is
 * missing, and returns a string the text ends inside with `open`. Does not parse the
 * text into values, check its grammar or unescape member names beyond what a lookup needs.
 */
export function scanJsonLiterals(text: string): JsonLiteral[] {
  const out: JsonLiteral[] = [];
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '{') {
      stack.push(objectFrame(top));
      i++;
    } else if (c === '[') {
      stack.push({ kind: 'array', expectName: false, ...(top?.node ? { base: top.node, node: top.node } : {}), ...(top?.object ? { object: top.object } : {}) });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ':' || c === ',') {
      if (top?.kind === 'object') top.expectName = c === ',';
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const open = end < 0;
      const stop = open ? text.length : end;
      const value = decodeString(text.slice(i, stop), open);
      if ((top?.kind === 'object' && top.expectName) || (!open && followedByColon(text, stop))) {
        // A name outside an object is JSON that lost its opening brace (UAE PASS's 200 sample): read it as one.
        let frame = top;
        if (frame?.kind !== 'object') {
          frame = objectFrame(top);
          stack.push(frame);
        }
        frame.node = { name: value, ...(frame.base ? { parent: frame.base } : {}), depth: (frame.base?.depth ?? 0) + 1 };
        frame.object!.names.add(value);
      } else {
        out.push({ start: i, end: stop, type: 'string', value, ...(open ? { open } : {}), ...where(top) });
      }
      i = stop;
    } else {
      const re = c === '-' || (c >= '0' && c <= '9') ? NUMBER : /[A-Za-z]/.test(c) ? KEYWORD : undefined;
      if (!re) {
        i++;
        continue;
      }
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) {
        i++;
        continue;
      }
      out.push({ start: i, end: i + m[0].length, type: re === NUMBER ? 'number' : 'keyword', value: m[0], ...where(top) });
      i += m[0].length;
    }
  }
  return out;
}
