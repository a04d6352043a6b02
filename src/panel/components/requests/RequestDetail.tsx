import type { Body, Exchange, Header } from '../../../core/model.js';
import { bodyText, MAX_SHOWN_BODY } from '../../model/request-rows.js';
import { CapturedText } from '../text/CapturedText.js';
import { UNCONFIRMED_TEXT, unconfirmedPageReport } from '../../model/unconfirmed.js';

function Headers({ title, headers }: { title: string; headers: readonly Header[] }) {
  if (headers.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl class="headers">
        {headers.map((h, i) => (
          <div key={i} class="header-row">
            <dt>
              <CapturedText text={h.name} />
            </dt>
            <dd>
              <CapturedText text={h.value} />
            </dd>
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
      <CapturedText as="pre" class="body" data-testid="body" text={bodyText(body)} layout="lines" limit={MAX_SHOWN_BODY} />
    </>
  );
}

/**
 * Everything captured for one request: URL, status, timing, which source saw which part, headers and bodies,
 * all as text (bodies pretty-printed when JSON). Captured values are hostile: nothing becomes a link or HTML,
 * control and bidi characters are escaped, long values cut until "show all" (CapturedText).
 */
export function RequestDetail({ exchange, onClose }: { exchange: Exchange; onClose(): void }) {
  const duration = exchange.endedAt === undefined ? undefined : exchange.endedAt - exchange.startedAt;
  return (
    <section class="request-detail" data-testid="request-detail" data-exchange-id={exchange.id} aria-label="Request">
      <header class="detail-header">
        <h3>
          <CapturedText text={exchange.method} /> <CapturedText class="url" text={exchange.url} />
        </h3>
        <button type="button" onClick={onClose} aria-label="Close the request">
          Close
        </button>
      </header>
      <p class="muted">
        {exchange.status === undefined ? 'no response seen' : <CapturedText text={`status ${exchange.status} ${exchange.statusText ?? ''}`} />} · started{' '}
        {new Date(exchange.startedAt).toISOString()}
        {duration !== undefined && ` · ${duration} ms`}
      </p>
      {exchange.redirectUrl && (
        <p>
          Redirect to <CapturedText class="url" text={exchange.redirectUrl} />
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
      {unconfirmedPageReport(exchange) && (
        <p class="muted" data-testid="unconfirmed-note">
          {UNCONFIRMED_TEXT}
        </p>
      )}
      {(exchange.notes ?? []).map((note, i) => (
        <p key={i} class="muted">
          <CapturedText text={note} />
        </p>
      ))}
      <Headers title="Request headers" headers={exchange.requestHeaders} />
      <BodyBlock title="Request body" body={exchange.requestBody} />
      <Headers title="Response headers" headers={exchange.responseHeaders} />
      <BodyBlock title="Response body" body={exchange.responseBody} />
    </section>
  );
}
