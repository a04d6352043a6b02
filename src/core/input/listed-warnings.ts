/** HAR import warnings as a user is shown them: a few listed, the rest counted. */

/** HAR import warnings listed per file; the rest are counted. */
export const MAX_LISTED_WARNINGS = 10;

/**
 * The first {@link MAX_LISTED_WARNINGS} warnings, then "... and N more" (counting the ones the importer only
 * counted, which it reports as a last "... and N more warnings"). Does not change or reorder the warnings.
 */
export function listedWarnings(warnings: readonly string[]): string[] {
  let total = warnings.length;
  let listed = warnings;
  const counted = /^\.\.\. and (\d+) more warnings?$/.exec(warnings[warnings.length - 1] ?? '');
  if (counted) {
    listed = warnings.slice(0, -1);
    total = listed.length + Number(counted[1]);
  }
  const shown = listed.slice(0, MAX_LISTED_WARNINGS);
  return total === shown.length ? shown : [...shown, `... and ${total - shown.length} more`];
}
