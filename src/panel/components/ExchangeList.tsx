import type { ExchangeView } from '../store/view-model.js';

/** The captured requests, oldest first: method, URL (as text, never a link), status and who saw them. */
export function ExchangeList({ exchanges }: { exchanges: ExchangeView[] }) {
  return (
    <section aria-labelledby="exchanges-heading">
      <h2 id="exchanges-heading">Requests</h2>
      {exchanges.length === 0 ? (
        <p class="muted">No request captured on a configured domain yet.</p>
      ) : (
        <ul class="exchanges">
          {exchanges.map((exchange) => (
            <li
              key={exchange.id}
              data-testid="exchange"
              data-url={exchange.url}
              data-method={exchange.method}
              data-status={exchange.status}
              data-sources={exchange.sources}
            >
              <span class="method">{exchange.method}</span> <span class="url">{exchange.url}</span>{' '}
              <span class="status">{exchange.status || 'no response'}</span>{' '}
              <span class="muted">{exchange.sources.replaceAll(',', ', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
