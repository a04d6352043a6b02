import type { HeaderParam } from '../../model/token-parts.js';
import { CapturedText } from '../text/CapturedText.js';

/**
 * The protected header's parameters, each value as JSON text (escaped, long ones cut). Does not judge them (the
 * rules do).
 */
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
              <CapturedText as="code" text={p.name} />
            </th>
            <td>
              <CapturedText as="code" class="claim-json" text={p.json} layout="lines" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
