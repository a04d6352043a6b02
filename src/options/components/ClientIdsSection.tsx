import { useEffect, useState } from 'preact/hooks';
import { recordFromRows, rowsFromRecord, sameRecord, type ClientIdRow } from '../client-id-rows.js';
import type { OptionsModel } from '../store/options-model.js';

/**
 * Client ids per issuer: one row per issuer URL with comma-separated ids. Rows are saved when a field changes
 * (blur or Enter); a row without issuer or ids stays on the page but is not stored.
 */
export function ClientIdsSection({ model }: { model: OptionsModel }) {
  const stored = model.settings.value?.clientIds ?? {};
  const [rows, setRows] = useState<ClientIdRow[]>(() => rowsFromRecord(stored));

  // Take stored changes (another page, a reload) unless they are what the rows already say.
  useEffect(() => {
    setRows((current) => (sameRecord(recordFromRows(current), stored) ? current : rowsFromRecord(stored)));
  }, [JSON.stringify(stored)]);

  const save = (next: ClientIdRow[]): void => {
    setRows(next);
    const record = recordFromRows(next);
    if (!sameRecord(record, stored)) void model.update((s) => ({ ...s, clientIds: record }));
  };
  const edit = (index: number, patch: Partial<ClientIdRow>): ClientIdRow[] =>
    rows.map((row, i) => (i === index ? { ...row, ...patch } : row));

  return (
    <section aria-labelledby="client-ids-heading">
      <h2 id="client-ids-heading">Client ids per issuer</h2>
      <p class="hint">Audience checks use these ids for tokens of the issuer.</p>
      <form onSubmit={(e) => { e.preventDefault(); save(rows); }}>
        <ul class="client-rows">
          {rows.map((row, index) => (
            <li key={index} data-testid="client-row" data-issuer={row.issuer}>
              <label>
                Issuer URL
                <input
                  type="url"
                  data-testid="client-issuer"
                  value={row.issuer}
                  placeholder="https://idp.example.com/realms/main"
                  onInput={(e) => setRows(edit(index, { issuer: e.currentTarget.value }))}
                  onChange={(e) => save(edit(index, { issuer: e.currentTarget.value }))}
                />
              </label>
              <label>
                Client ids (comma-separated)
                <input
                  type="text"
                  data-testid="client-ids"
                  value={row.ids}
                  placeholder="web-app, mobile-app"
                  onInput={(e) => setRows(edit(index, { ids: e.currentTarget.value }))}
                  onChange={(e) => save(edit(index, { ids: e.currentTarget.value }))}
                />
              </label>
              <button
                type="button"
                data-testid="client-remove"
                aria-label={`Remove client ids of ${row.issuer || 'this issuer'}`}
                onClick={() => save(rows.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <button type="button" data-testid="client-add" onClick={() => setRows([...rows, { issuer: '', ids: '' }])}>
          Add issuer
        </button>
        <button type="submit" class="visually-hidden" tabIndex={-1}>
          Save client ids
        </button>
      </form>
    </section>
  );
}
