import type { ClaimType } from './types.js';

/** How each type is described in a message ("expected ..."). Does not describe values (see jsonTypeOf). */
export const TYPE_TEXT: Readonly<Record<ClaimType, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  numericdate: 'a NumericDate (a JSON number of seconds)',
  'string-or-array': 'a string or an array of strings',
};

/** Whether a JSON value has a claim type. `null` has no type but `null`. Never throws; does not check formats or array entries (except for `string-or-array`). */
export function matchesType(value: unknown, type: ClaimType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
    case 'numericdate':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string-or-array':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    default:
      return true;
  }
}

/** The JSON type of a value in words, e.g. "a number", "null", "an array". Never throws. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}
