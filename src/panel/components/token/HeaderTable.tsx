import type { HeaderParam } from '../../model/token-parts.js';

/** The protected header's parameters, each value as JSON text. Does not judge them (the rules do). */
export function HeaderTable({ params }: { params: readonly HeaderParam[] }) {
  return (
    <table class="header-table">
      <caption>Header</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p) => (
          <tr key={p.name} data-testid="header-param" data-name={p.name}>
            <th scope="row">
              <code>{p.name}</code>
            </th>
            <td>
              <code class="claim-json">{p.json}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
