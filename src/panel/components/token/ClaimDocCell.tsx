import type { ClaimDoc } from '../../../core/index.js';

const SUPPORT: Readonly<Record<string, string>> = {
  supported: 'supported',
  'must-be-added': 'must be added',
  'under-review': 'under review',
  'not-supported': 'not supported',
};

function DocLine({ doc }: { doc: ClaimDoc }) {
  return (
    <>
      <span class="doc-description">{doc.description}</span>{' '}
      <span class="doc-meta">
        <code class="doc-type">
          {doc.type}
          {doc.format ? ` · ${doc.format}` : ''}
        </code>
        {doc.required && <span class="doc-required">required</span>}
        {doc.support && <span class={`doc-support support-${doc.support}`}>{SUPPORT[doc.support] ?? doc.support}</span>}
        {doc.expected !== undefined && <span class="doc-expected">expected {JSON.stringify(doc.expected)}</span>}
      </span>
      {doc.source && <cite class="doc-source">{doc.source}</cite>}
    </>
  );
}

/**
 * The table cell with a claim's documentation under its profile: description, expected type (and format),
 * whether it is required, the provider's support status, an expected value, the source, and the documented
 * members of an object claim. An undocumented claim gets an empty cell marked `data-documented="false"`.
 * Does not judge the value.
 */
export function ClaimDocCell({ doc }: { doc: ClaimDoc | undefined }) {
  if (!doc) return <td class="claim-doc" data-testid="claim-doc" data-documented="false" />;
  return (
    <td class="claim-doc" data-testid="claim-doc" data-documented="true" data-type={doc.type} data-required={String(doc.required === true)} data-support={doc.support ?? ''}>
      <DocLine doc={doc} />
      {doc.members && doc.members.length > 0 && (
        <details class="doc-members">
          <summary>{doc.members.length} documented members</summary>
          <dl>
            {doc.members.map((m) => (
              <div key={m.name} class="doc-member">
                <dt>
                  <code>{m.name}</code>
                </dt>
                <dd>
                  <DocLine doc={m} />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </td>
  );
}
