import { useMemo } from 'preact/hooks';
import type { Artifact } from '../../../core/index.js';
import type { AnalysisIndex } from '../../model/analysis-index.js';
import { tokenView } from '../../model/token-view.js';
import '../../styles/token.css';
import { ClaimsTable } from './ClaimsTable.js';
import { clipboardCopy, CopyButton, type CopyText } from './CopyButton.js';
import { FindingItem } from './FindingItem.js';
import { HeaderTable } from './HeaderTable.js';
import { RawBody, RawSegments } from './RawSegments.js';
import { SeenList } from './SeenList.js';
import { SignatureStatus } from './SignatureStatus.js';
import { CapturedText } from '../text/CapturedText.js';

/** Props of {@link TokenView}. */
export interface TokenViewProps {
  artifact: Artifact;
  index: AnalysisIndex;
  /** Unix seconds; the app ticks it every second. */
  now: number;
  /** Writes to the clipboard; the browser's clipboard when absent. */
  copy?: CopyText;
}

/**
 * One artifact in full, as a card (`[data-testid="artifact"]` with its id, kind, role, flow id and signature
 * status): title, profile and where it was seen; findings that name no claim; signature; header; the claims table
 * with documentation, times and the findings next to their claim; raw segments with copy buttons. Opaque tokens
 * show their role, length and a copy button only. Everything from the traffic is rendered as text: never HTML,
 * never a link, never loaded, control and bidi characters escaped, long values cut until "show all"
 * (CapturedText). Does not filter findings or fetch keys.
 */
export function TokenView({ artifact, index, now, copy = clipboardCopy }: TokenViewProps) {
  const view = useMemo(() => tokenView(artifact, index, now), [artifact, index, now]);
  // The json-parse finding already carries the JSON error; the bare error shows only without it.
  return (
    <article
      class={`token-card kind-${view.kind}`}
      data-testid="artifact"
      data-artifact-id={view.id}
      data-kind={view.kind}
      data-role={view.role}
      data-flow-id={view.flowId}
      data-signature={artifact.signature?.status ?? ''}
      data-profile={view.profileId}
      aria-label={`${view.title} ${view.id}`}
    >
      <header class="token-card-header">
        <h3>{view.title}</h3>
        <span class="muted">{view.id}</span>
        <span class="token-profile" data-testid="profile" data-profile={view.profileId}>
          profile: {view.profileName}
        </span>
        {view.issuer !== undefined && <CapturedText class="url token-issuer" text={view.issuer} />}
        {view.clientId !== undefined && (
          <span class="token-client">
            client <CapturedText text={view.clientId} />
          </span>
        )}
        {view.raw !== undefined && view.raw !== '' && (
          <CopyButton text={view.raw} what="" label={view.isToken ? 'Copy token' : 'Copy raw'} copy={copy} testId="copy-token" />
        )}
      </header>
      {view.jsonError !== undefined && !view.findings.some((f) => f.rule === 'json-parse') && (
        <p class="error" data-testid="json-error">
          {view.truncated ? 'The capture cut the body short: ' : ''}
          <CapturedText text={view.jsonError} />
        </p>
      )}
      {view.findings.length > 0 && (
        <ul class="token-findings" aria-label="Findings on the artifact">
          {view.findings.map((f, i) => (
            <FindingItem key={i} finding={f} />
          ))}
        </ul>
      )}
      {view.opaque ? (
        <p class="opaque-token" data-testid="opaque">
          {view.role !== '' ? view.role.replaceAll('_', ' ') : 'token'}, {view.length} characters, not a JWT: nothing to decode.
        </p>
      ) : (
        <>
          {view.signature && <SignatureStatus signature={view.signature} />}
          {view.header.length > 0 && <HeaderTable params={view.header} />}
          {view.claims.length > 0 ? <ClaimsTable rows={view.claims} profileName={view.profileName} /> : <p class="muted">No claims decoded.</p>}
          {view.segments.length > 0 ? <RawSegments segments={view.segments} copy={copy} /> : view.raw !== undefined && view.raw !== '' && <RawBody raw={view.raw} />}
        </>
      )}
      <SeenList seen={view.seen} />
    </article>
  );
}
