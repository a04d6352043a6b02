import { useSignal } from '@preact/signals';
import type { OfflineResult, OfflineText } from '../../workspace/offline.js';
import { CapturedText } from '../text/CapturedText.js';

/** Props of {@link PasteView}. */
export interface PasteViewProps {
  /** Analyses texts offline; the app opens the dataset on success. */
  analyse(name: string, texts: OfflineText[]): Promise<OfflineResult>;
}

/** Files dropped or picked, read as text. */
export async function readFiles(files: Iterable<File>): Promise<OfflineText[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * Paste any JWT, JSON response or HAR (or drop files) and have it analysed on the spot, offline. A paste is
 * analysed as soon as it lands; typed text when the user presses Analyse. Errors are shown as text.
 */
export function PasteView({ analyse }: PasteViewProps) {
  const text = useSignal('');
  const busy = useSignal(false);
  const errors = useSignal<string[]>([]);
  const dragging = useSignal(false);
  const run = async (name: string, texts: OfflineText[]) => {
    if (texts.every((t) => t.text.trim() === '')) {
      errors.value = ['Paste a JWT, a JSON response or a HAR file first.'];
      return;
    }
    busy.value = true;
    errors.value = [];
    try {
      const result = await analyse(name, texts);
      if (!result.ok) errors.value = result.errors;
    } finally {
      busy.value = false;
    }
  };
  return (
    <section
      class={`paste-view${dragging.value ? ' dragging' : ''}`}
      aria-label="Paste or drop"
      data-testid="paste"
      onDragOver={(e) => {
        e.preventDefault();
        dragging.value = true;
      }}
      onDragLeave={() => (dragging.value = false)}
      onDrop={(e) => {
        e.preventDefault();
        dragging.value = false;
        const files = e.dataTransfer?.files;
        if (files && files.length > 0) void readFiles(files).then((texts) => run(texts.length === 1 ? texts[0]!.name : `${texts.length} files`, texts));
      }}
    >
      <p class="muted">
        Paste a JWT (also <code>Bearer eyJ…</code>), a token, userinfo or introspection response, or a whole HAR file, or drop files
        here. It is analysed in this panel only: nothing is sent anywhere.
      </p>
      <textarea
        data-testid="paste-input"
        aria-label="Text to analyse"
        rows={10}
        spellcheck={false}
        value={text.value}
        onInput={(e) => (text.value = e.currentTarget.value)}
        onPaste={(e) => {
          const pasted = e.clipboardData?.getData('text') ?? '';
          if (pasted.trim() !== '') {
            e.preventDefault();
            text.value = pasted;
            void run('pasted text', [{ name: 'pasted text', text: pasted }]);
          }
        }}
      />
      <div class="paste-actions">
        <button type="button" data-testid="paste-analyse" disabled={busy.value} onClick={() => void run('pasted text', [{ name: 'pasted text', text: text.value }])}>
          {busy.value ? 'Analysing…' : 'Analyse'}
        </button>
      </div>
      {errors.value.length > 0 && (
        <ul class="error" role="alert" data-testid="paste-errors">
          {errors.value.map((e, i) => (
            <li key={i}>
              <CapturedText text={e} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
