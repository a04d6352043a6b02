/** Reading the clock-skew field. Pure. */

/** The largest skew the engine accepts, in seconds. */
export const MAX_SKEW_SECONDS = 300;

/** Whole seconds from 0 to 300 from the field's text, or undefined for anything else (empty, 1.5, -1, 301, "abc"). */
export function parseSkew(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value <= MAX_SKEW_SECONDS ? value : undefined;
}
