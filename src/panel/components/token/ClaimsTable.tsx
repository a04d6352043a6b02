import type { Severity } from '../../../core/index.js';
import type { ClaimRow } from '../../model/token-claims.js';
import { CapturedText } from '../text/CapturedText.js';
import { ClaimDocCell } from './ClaimDocCell.js';
import { ClaimTimeCell } from './ClaimTimeCell.js';
import { FindingItem } from './FindingItem.js';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function worst(row: ClaimRow): Severity | undefined {
  return row.findings.reduce<Severity | undefined>((w, f) => (w === undefined || RANK[f.severity] < RANK[w] ? f.severity : w), undefined);
}

/** Props of {@link ClaimsTable}. */
export interface ClaimsTableProps {
  rows: readonly ClaimRow[];
  profileName: string;
}

/**
 * The claims table: name, the value as JSON text (the `[data-testid="claim"]` element holds nothing else; a
 * long value is cut, with "show all" after it), times, and the profile's documentation; the findings about a
 * claim in a row right under it, coloured by the worst severity. Names and values are text children only, their
 * control and bidi characters escaped. The time column is left out when no claim is a time.
 */
export function ClaimsTable({ rows, profileName }: ClaimsTableProps) {
  const withTimes = rows.some((r) => r.times.length > 0);
  const columns = withTimes ? 4 : 3;
  return (
    <table class="claims-table">
      <caption class="visually-hidden">Claims</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          {withTimes && <th scope="col">Time</th>}
          <th scope="col">Documentation ({profileName})</th>
        </tr>
      </thead>
      {rows.map((row) => {
        const severity = worst(row);
        return (
          <tbody key={row.name} class={`claim-group${severity ? ` has-findings severity-${severity}` : ''}`}>
            <tr class="claim-row" data-testid="claim-row" data-claim={row.name} data-severity={severity ?? ''}>
              <th scope="row" class="claim-name">
                <CapturedText as="code" text={row.name} />
              </th>
              <td class="claim-value">
                <CapturedText as="code" class="claim-json" data-testid="claim" data-claim={row.name} text={row.json} layout="lines" />
              </td>
              {withTimes && <ClaimTimeCell name={row.name} times={row.times} />}
              <ClaimDocCell doc={row.doc} />
            </tr>
            {row.findings.length > 0 && (
              <tr class="claim-findings" data-testid="claim-findings" data-claim={row.name}>
                <td colSpan={columns}>
                  <ul>
                    {row.findings.map((f, i) => (
                      <FindingItem key={i} finding={f} />
                    ))}
                  </ul>
                </td>
              </tr>
            )}
          </tbody>
        );
      })}
    </table>
  );
}
