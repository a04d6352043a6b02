/** Type guards for reading HAR fields that may be missing or of any JSON type. */

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a string, else undefined. Does not convert numbers. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is a non-empty string, else undefined. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The value when it is a finite number, else undefined. Does not parse strings. */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** An HTTP status code (100-999) from a number or a string of digits; undefined for 0, -1 and anything else. */
export function statusCode(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 999 ? n : undefined;
}

/** A short rendering of a value for a warning: strings quoted and cut, objects and arrays by their type only. */
export function brief(value: unknown): string {
  if (typeof value === 'string') {
    const cut = JSON.stringify(value.slice(0, 40));
    return value.length > 40 ? `${cut.slice(0, -1)}..."` : cut;
  }
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
