/**
 * The editable rows of "client ids per issuer" and their conversion to and from `Settings.clientIds`. Pure.
 */

/** One row as the user edits it: the issuer URL and the ids as typed (comma-separated). */
export interface ClientIdRow {
  issuer: string;
  ids: string;
}

/** The ids of a comma-separated list, trimmed, without empty entries and duplicates. */
export function parseIdList(text: string): string[] {
  return [...new Set(text.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
}

/** Rows for the stored record, one per issuer, ids joined with ", ". */
export function rowsFromRecord(record: Readonly<Record<string, readonly string[]>>): ClientIdRow[] {
  return Object.entries(record).map(([issuer, ids]) => ({ issuer, ids: ids.join(', ') }));
}

/**
 * The record to store for the rows: rows without an issuer or without ids are left out (still being typed);
 * rows naming the same issuer are merged. Does not check that the issuer is a URL.
 */
export function recordFromRows(rows: readonly ClientIdRow[]): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const row of rows) {
    const issuer = row.issuer.trim();
    const ids = parseIdList(row.ids);
    if (issuer === '' || ids.length === 0) continue;
    record[issuer] = [...new Set([...(record[issuer] ?? []), ...ids])];
  }
  return record;
}

/** Whether two records hold the same issuers and ids in the same order. */
export function sameRecord(a: Readonly<Record<string, readonly string[]>>, b: Readonly<Record<string, readonly string[]>>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
