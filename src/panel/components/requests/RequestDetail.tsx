import type { Body, Exchange, Header } from '../../../core/model.js';
import { bodyText } from '../../model/request-rows.js';

function Headers({ title, headers }: { title: string; headers: readonly Header[] }) {
  if (headers.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl class="headers">
        {headers.map((h, i) => (
          <div key={i} class="header-row">
            <dt>{h.name}</dt>
            <dd>{h.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function BodyBlock({ title, body }: { title: string; body: Body | undefined }) {
  if (!body) return null;
  return (
    <>
      <h4>
        {title}
        {body.truncated && <span class="muted"> (cut short by the capture)</span>}
      </h4>
      <pre class="body" data-testid="body">
        {bodyText(body)}
      </pre>
    </>
  );
}

/**
 * Everything captured for one request: URL, status, timing, which source saw which part, headers and bodies,
 * all as text (bodies pretty-printed when JSON). Captured values are hostile: nothing becomes a link or HTML.
 */
export function RequestDetail({ exchange, onClose }: { exchange: Exchange; onClose(): void }) {
  const duration = exchange.endedAt === undefined ? undefined : exchange.endedAt - exchange.startedAt;
  return (
    <section class="request-detail" data-testid="request-detail" data-exchange-id={exchange.id} aria-label="Request">
      <header class="detail-header">
        <h3>
          {exchange.method} <span class="url">{exchange.url}</span>
        </h3>
        <button type="button" onClick={onClose} aria-label="Close the request">
          Close
        </button>
      </header>
      <p class="muted">
        {exchange.status === undefined ? 'no response seen' : `status ${exchange.status} ${exchange.statusText ?? ''}`} · started{' '}
        {new Date(exchange.startedAt).toISOString()}
        {duration !== undefined && ` · ${duration} ms`}
      </p>
      {exchange.redirectUrl && (
        <p>
          Redirect to <span class="url">{exchange.redirectUrl}</span>
        </p>
      )}
      <dl class="seen-by">
        {Object.entries(exchange.seenBy).map(([part, sources]) => (
          <div key={part} class="header-row">
            <dt>{part}</dt>
            <dd>seen by {(sources ?? []).join(', ')}</dd>
          </div>
        ))}
      </dl>
      {(exchange.notes ?? []).map((note, i) => (
        <p key={i} class="muted">
          {note}
        </p>
      ))}
      <Headers title="Request headers" headers={exchange.requestHeaders} />
      <BodyBlock title="Request body" body={exchange.requestBody} />
      <Headers title="Response headers" headers={exchange.responseHeaders} />
      <BodyBlock title="Response body" body={exchange.responseBody} />
    </section>
  );
}
