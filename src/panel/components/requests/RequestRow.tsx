import type { Exchange } from '../../../core/model.js';
import { exchangeSources } from '../../model/request-rows.js';
import { compactText } from '../../model/shown-text.js';
import { UNCONFIRMED_LABEL, UNCONFIRMED_TEXT, unconfirmedPageReport } from '../../model/unconfirmed.js';

/**
 * One captured request in the list: method, URL (escaped text cut to one line, never a link), status, capture
 * sources.
 */
export function RequestRow({ exchange, selected, onSelect }: { exchange: Exchange; selected: boolean; onSelect(id: string): void }) {
  const sources = exchangeSources(exchange);
  const status = exchange.status === undefined ? '' : String(exchange.status);
  const unconfirmed = unconfirmedPageReport(exchange);
  return (
    <div
      class={`request-row${selected ? ' selected' : ''}`}
      role="row"
      aria-selected={selected}
      tabIndex={0}
      data-testid="exchange"
      data-exchange-id={exchange.id}
      data-url={exchange.url}
      data-method={exchange.method}
      data-status={status}
      data-sources={sources}
      data-unconfirmed={unconfirmed ? 'true' : undefined}
      onClick={() => onSelect(exchange.id)}
      onKeyDown={(e) => e.key === 'Enter' && onSelect(exchange.id)}
    >
      <span class="method">{compactText(exchange.method)}</span>
      <span class="url">{compactText(exchange.url)}</span>
      <span class={`status ${status.startsWith('2') || status.startsWith('3') ? '' : 'status-bad'}`}>{status || 'no response'}</span>
      <span class="muted sources">
        {unconfirmed && (
          <span class="badge badge-warning" data-testid="unconfirmed" title={UNCONFIRMED_TEXT}>
            {UNCONFIRMED_LABEL}
          </span>
        )}
        {sources.replaceAll(',', ', ')}
      </span>
    </div>
  );
}
