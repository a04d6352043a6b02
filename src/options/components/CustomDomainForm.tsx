import { useState } from 'preact/hooks';
import { parseDomain } from '../../shared/domains.js';
import { domainProblemMessage } from '../domain-messages.js';
import type { OptionsModel } from '../store/options-model.js';

/** A field for one custom domain (host, host:port, *.domain), checked before host access is asked for. */
export function CustomDomainForm({ model }: { model: OptionsModel }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  const submit = (event: Event): void => {
    event.preventDefault();
    const parsed = parseDomain(text);
    if ('error' in parsed) {
      setError(domainProblemMessage(parsed.error));
      return;
    }
    setError('');
    // Synchronous up to permissions.request: this handler is the user gesture the browser requires.
    void model.addDomains([text], text.trim()).then((added) => {
      if (added) setText('');
    });
  };

  return (
    <form class="custom-domain" onSubmit={submit} noValidate>
      <label for="domain-input">Custom domain</label>
      <input
        id="domain-input"
        data-testid="domain-input"
        type="text"
        value={text}
        placeholder="idp.example.com, localhost:3000 or *.example.com"
        spellcheck={false}
        autocomplete="off"
        aria-invalid={error !== ''}
        aria-describedby="domain-error"
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" data-testid="domain-add">
        Add
      </button>
      <p id="domain-error" class="field-error" data-testid="domain-error" role="alert">
        {error}
      </p>
    </form>
  );
}
