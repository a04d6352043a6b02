import type { OptionsModel } from '../store/options-model.js';
import { CustomDomainForm } from './CustomDomainForm.js';
import { DomainList } from './DomainList.js';
import { InspectedHost } from './InspectedHost.js';
import { PresetList } from './PresetList.js';

/** Configured domains (with the host of the tab the panel inspected, when it opened this page), presets and the custom entry. */
export function DomainsSection({ model, inspectedHost }: { model: OptionsModel; inspectedHost?: string | undefined }) {
  return (
    <section aria-labelledby="domains-heading">
      <h2 id="domains-heading">Configured domains</h2>
      <p class="hint">
        Token Inspector captures traffic on these domains. Adding one asks the browser for access to that host;
        removing it gives the access back. While DevTools is open on a tab, the Tokens panel also captures that
        tab's login traffic on any host, without host access.
      </p>
      <InspectedHost model={model} host={inspectedHost} />
      <DomainList model={model} />
      <h3>Presets</h3>
      <PresetList model={model} />
      <h3>Add a domain</h3>
      <CustomDomainForm model={model} />
    </section>
  );
}
