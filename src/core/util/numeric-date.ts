/** A NumericDate above this is probably milliseconds: 10^11 seconds is the year 5138, 10^11 ms is 1973. Not a validity limit. */
export const MILLIS_THRESHOLD = 1e11;

/**
 * A NumericDate read as unix seconds: a value above {@link MILLIS_THRESHOLD} is taken for milliseconds (some
 * providers, BankID's `updated_at` for one, write those) and divided by 1000. Does not round, validate the
 * range or accept anything but a finite number: `undefined` for every other value.
 */
export function numericDateSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return value > MILLIS_THRESHOLD ? value / 1000 : value;
}
