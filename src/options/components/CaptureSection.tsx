import { visibleSources } from '../sources.js';
import type { OptionsModel } from '../store/options-model.js';
import { CheckboxField } from './CheckboxField.js';

/** Key fetching, the capture sources of this build, and preserve log. */
export function CaptureSection({ model }: { model: OptionsModel }) {
  const settings = model.settings.value;
  if (!settings) return null;
  const { target, deepCapture } = model.deps;
  return (
    <>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Signature keys</h2>
        <CheckboxField
          testId="fetch-keys"
          label="Fetch signing keys of observed issuers"
          description="Only the discovery document and JWKS of issuers seen in captured tokens are fetched, to verify signatures, and only from the configured domains, so a page that forges a token's issuer cannot make the extension fetch any other site. Off: the extension makes no network request of its own."
          checked={settings.fetchKeys}
          onChange={(fetchKeys) => void model.update((s) => ({ ...s, fetchKeys }))}
        />
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Capture sources</h2>
        {visibleSources(target, deepCapture).map((source) => (
          <CheckboxField
            key={source.key}
            testId={`source-${source.key}`}
            label={source.label}
            description={source.description}
            checked={settings.sources[source.key]}
            onChange={(on) => void model.update((s) => ({ ...s, sources: { ...s.sources, [source.key]: on } }))}
          />
        ))}
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Log</h2>
        <CheckboxField
          testId="preserve-log"
          label="Preserve log"
          description="Keep a tab's captures when the tab closes. Captures stay in memory only and are gone when the browser quits."
          checked={settings.preserveLog}
          onChange={(preserveLog) => void model.update((s) => ({ ...s, preserveLog }))}
        />
      </section>
    </>
  );
}
