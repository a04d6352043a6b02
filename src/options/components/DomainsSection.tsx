import type { OptionsModel } from '../store/options-model.js';
import { CustomDomainForm } from './CustomDomainForm.js';
import { DomainList } from './DomainList.js';
import { PresetList } from './PresetList.js';

/** Configured domains, provider presets and the custom entry. */
export function DomainsSection({ model }: { model: OptionsModel }) {
  return (
    <section aria-labelledby="domains-heading">
      <h2 id="domains-heading">Configured domains</h2>
      <p class="hint">
        Token Inspector captures traffic only on these domains. Adding one asks the browser for access to that host;
        removing it gives the access back.
      </p>
      <DomainList model={model} />
      <h3>Presets</h3>
      <PresetList model={model} />
      <h3>Add a domain</h3>
      <CustomDomainForm model={model} />
    </section>
  );
}
