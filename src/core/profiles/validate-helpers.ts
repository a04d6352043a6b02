import { isJsonObject } from '../util/json-lenient.js';

/** Error collector for hand-written JSON validation; keeps at most `limit` messages. Does not throw on any input. */
export class Problems {
  readonly list: string[] = [];
  constructor(private readonly limit = 50) {}

  /** Adds `"<path>: <message>"` (just the message at the root). Does nothing once the limit is reached. */
  add(path: string, message: string): void {
    if (this.list.length < this.limit) this.list.push(path ? `${path}: ${message}` : message);
    else if (this.list.length === this.limit) this.list.push('(more problems not shown)');
  }
}

/** The JSON type of a value for "got ..." in messages: "a number", "null", "an array". Never throws; does not show the value. */
export function gotType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' ? 'a number' : `a ${typeof value}`;
}

/** `a.b` or `b` when `a` is empty. Does not quote or escape names. */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Reports members of `obj` not in `known` as unknown properties (typos would otherwise be ignored silently). */
export function rejectUnknown(obj: Record<string, unknown>, known: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) problems.add(join(path, key), `unknown property; expected one of ${known.join(', ')}`);
  }
}

/** A string member: `undefined` when absent (reported when required), or when not a string (reported). */
export function stringAt(obj: Record<string, unknown>, key: string, path: string, problems: Problems, required = false): string | undefined {
  if (!Object.hasOwn(obj, key)) {
    if (required) problems.add(join(path, key), 'required');
    return undefined;
  }
  const v = obj[key];
  if (typeof v === 'string') return v;
  problems.add(join(path, key), `expected a string, got ${gotType(v)}`);
  return undefined;
}

/** A member that must be one of `allowed` strings; `undefined` when absent or wrong (reported). */
export function enumAt<T extends string>(obj: Record<string, unknown>, key: string, allowed: readonly T[], path: string, problems: Problems, required = false): T | undefined {
  if (!Object.hasOwn(obj, key)) {
    if (required) problems.add(join(path, key), `required; one of ${allowed.join(', ')}`);
    return undefined;
  }
  const v = obj[key];
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  const got = typeof v === 'string' ? JSON.stringify(v) : gotType(v);
  problems.add(join(path, key), `expected one of ${allowed.join(', ')}, got ${got}`);
  return undefined;
}

/** A boolean member; `undefined` when absent or wrong (reported). */
export function booleanAt(obj: Record<string, unknown>, key: string, path: string, problems: Problems): boolean | undefined {
  if (!Object.hasOwn(obj, key)) return undefined;
  const v = obj[key];
  if (typeof v === 'boolean') return v;
  problems.add(join(path, key), `expected true or false, got ${gotType(v)}`);
  return undefined;
}

/** An array of strings; `undefined` when absent or not an array (reported); wrong entries are reported and dropped. */
export function stringListAt(obj: Record<string, unknown>, key: string, path: string, problems: Problems, check?: (s: string) => string | undefined): string[] | undefined {
  if (!Object.hasOwn(obj, key)) return undefined;
  const v = obj[key];
  if (!Array.isArray(v)) {
    problems.add(join(path, key), `expected an array of strings, got ${gotType(v)}`);
    return undefined;
  }
  const out: string[] = [];
  v.forEach((entry, i) => {
    const at = `${join(path, key)}[${i}]`;
    if (typeof entry !== 'string') problems.add(at, `expected a string, got ${gotType(entry)}`);
    else {
      const why = check?.(entry);
      if (why) problems.add(at, why);
      else out.push(entry);
    }
  });
  return out;
}

/** An object member; `undefined` when absent or not an object (reported). */
export function objectAt(obj: Record<string, unknown>, key: string, path: string, problems: Problems): Record<string, unknown> | undefined {
  if (!Object.hasOwn(obj, key)) return undefined;
  const v = obj[key];
  if (isJsonObject(v)) return v;
  problems.add(join(path, key), `expected an object, got ${gotType(v)}`);
  return undefined;
}
