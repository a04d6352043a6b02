import type { ArtifactView } from '../store/view-model.js';

/**
 * One artifact and its decoded claims. Claim values come from the network and are hostile: they are rendered
 * as text children only, never as HTML, and URLs in them are never made links.
 */
export function ArtifactItem({ artifact }: { artifact: ArtifactView }) {
  return (
    <li
      class="artifact"
      data-testid="artifact"
      data-artifact-id={artifact.id}
      data-kind={artifact.kind}
      data-role={artifact.role}
      data-flow-id={artifact.flowId}
      data-signature={artifact.signature}
    >
      <h3>
        {artifact.kind.replaceAll('_', ' ')}
        {artifact.role !== '' && <span class="muted"> ({artifact.role.replaceAll('_', ' ')})</span>}
        {artifact.issuer !== '' && <span class="muted"> · {artifact.issuer}</span>}
        {artifact.signature !== '' && <span class={`signature signature-${artifact.signature}`}> · signature {artifact.signature}</span>}
      </h3>
      {artifact.jsonError !== '' && <p class="error">{artifact.jsonError}</p>}
      {artifact.claims.length > 0 && (
        <dl class="claims">
          {artifact.claims.map((claim) => (
            <div key={claim.name} class="claim-row">
              <dt>{claim.name}</dt>
              <dd class="claim-value" data-testid="claim" data-claim={claim.name}>
                {claim.json}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
