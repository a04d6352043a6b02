import { PRESETS } from '../../shared/settings.js';
import type { OptionsModel } from '../store/options-model.js';

/** The provider presets: label, hosts and the document they come from, each added with one click. */
export function PresetList({ model }: { model: OptionsModel }) {
  const configured = model.settings.value?.domains ?? [];
  return (
    <ul class="presets" aria-label="Provider presets">
      {PRESETS.map((preset) => {
        const added = preset.domains.every((d) => configured.includes(d));
        return (
          <li key={preset.id} class="preset" data-testid="preset" data-preset={preset.id}>
            <div>
              <strong>{preset.label}</strong>: {preset.domains.join(', ')}
              <div class="hint">Source: {preset.source}</div>
            </div>
            <button
              type="button"
              data-testid="preset-add"
              data-preset={preset.id}
              disabled={added}
              aria-label={`Add ${preset.label} domains`}
              onClick={() => void model.addDomains(preset.domains, preset.label)}
            >
              {added ? 'Added' : 'Add'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
