import { useState } from 'preact/hooks';
import { MAX_SKEW_SECONDS, parseSkew } from '../skew.js';
import type { OptionsModel } from '../store/options-model.js';

/** Allowed clock skew in whole seconds, 0 to 300; saved when the field changes and is valid. */
export function SkewField({ model }: { model: OptionsModel }) {
  const [error, setError] = useState('');
  const skew = model.settings.value?.skewSeconds ?? 0;
  const change = (text: string): void => {
    const value = parseSkew(text);
    if (value === undefined) {
      setError(`Enter whole seconds from 0 to ${MAX_SKEW_SECONDS}.`);
      return;
    }
    setError('');
    void model.update((s) => ({ ...s, skewSeconds: value }));
  };
  return (
    <section aria-labelledby="skew-heading">
      <h2 id="skew-heading">Clock skew</h2>
      <label for="skew-input">Allowed clock difference in seconds (0 to {MAX_SKEW_SECONDS})</label>
      <input
        id="skew-input"
        data-testid="skew-input"
        type="number"
        min={0}
        max={MAX_SKEW_SECONDS}
        step={1}
        value={skew}
        aria-invalid={error !== ''}
        aria-describedby="skew-error"
        onChange={(e) => change(e.currentTarget.value)}
      />
      <p id="skew-error" class="field-error" data-testid="skew-error" role="alert">
        {error}
      </p>
    </section>
  );
}
