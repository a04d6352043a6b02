import { relative } from '../../../core/util/time.js';
import type { FlowRow } from '../../model/flow-rows.js';
import { compactText } from '../../model/shown-text.js';

/** Props of {@link FlowRowView}. */
export interface FlowRowViewProps {
  row: FlowRow;
  /** Position among all rows (0-based), for `aria-rowindex` (the header is row 1). */
  position: number;
  selected: boolean;
  /** The one row reachable with Tab (roving tab index). */
  tabbable: boolean;
  onSelect(id: string): void;
}

function Count({ n, severity }: { n: number; severity: 'error' | 'warning' }) {
  if (n === 0) return null;
  const words = `${n} ${severity}${n === 1 ? '' : 's'}`;
  return (
    <span class={`badge badge-${severity}`} title={words} aria-label={words}>
      {n}
    </span>
  );
}

/**
 * One flow as a table row with the data-* attributes of the panel contract. Every value is rendered as text,
 * escaped and cut to one line (compactText; the flow's detail shows it all). Does not handle keys (the table does).
 */
export function FlowRowView({ row, position, selected, tabbable, onSelect }: FlowRowViewProps) {
  const started = new Date(row.startedAt);
  const valid = !Number.isNaN(started.getTime());
  const local = valid ? started.toLocaleString() : '';
  const ago = valid ? relative(row.startedAt / 1000, row.now) : '';
  const issuer = compactText(row.issuer);
  const client = compactText(row.client);
  const subject = compactText(row.subject);
  return (
    <tr
      class={`flow-row${selected ? ' selected' : ''}`}
      data-testid="flow"
      data-flow-id={row.id}
      data-issuer={row.issuer}
      data-subject={row.subject}
      data-type={row.type}
      data-server-side={String(row.serverSide)}
      data-state={row.state}
      data-profile={row.profile}
      data-client={row.client}
      data-errors={row.errors}
      data-warnings={row.warnings}
      aria-selected={selected}
      aria-rowindex={position + 2}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onSelect(row.id)}
    >
      <td class="issuer" title={issuer}>
        <span class="url">{issuer || 'unknown issuer'}</span> <span class="profile muted">{row.profileName}</span>
      </td>
      <td title={client}>{client || <span class="muted">unknown</span>}</td>
      <td title={subject}>
        {row.subMismatch && (
          <span class="badge badge-error" title="ID token and userinfo subjects differ (x-ui-sub)">
            sub ≠
          </span>
        )}{' '}
        {subject || <span class="muted">unknown</span>}
      </td>
      <td title={valid ? `${local}, ${ago}` : undefined}>
        {valid ? (
          <>
            <time dateTime={started.toISOString()}>{local}</time> <span class="muted">{ago}</span>
          </>
        ) : (
          <span class="muted">unknown</span>
        )}
      </td>
      <td>
        <span class={`flow-state state-${row.state}`}>{row.state}</span>
      </td>
      <td class="counts">
        <Count n={row.errors} severity="error" />
        <Count n={row.warnings} severity="warning" />
      </td>
    </tr>
  );
}
