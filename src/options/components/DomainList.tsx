import type { OptionsModel } from '../store/options-model.js';
import { DomainRow } from './DomainRow.js';

/** The configured domains, built-in ones marked. */
export function DomainList({ model }: { model: OptionsModel }) {
  const domains = model.settings.value?.domains ?? [];
  const access = model.access.value;
  if (domains.length === 0) {
    return (
      <p class="empty" data-testid="domains-empty">
        No domain configured: nothing is captured.
      </p>
    );
  }
  return (
    <ul class="domains" data-testid="domain-list" aria-label="Configured domains">
      {domains.map((domain) => (
        <DomainRow
          key={domain}
          domain={domain}
          builtIn={model.deps.builtInDomains.includes(domain)}
          access={access[domain]}
          onGrant={() => void model.grantAccess(domain)}
          onRemove={() => void model.removeDomain(domain)}
        />
      ))}
    </ul>
  );
}
