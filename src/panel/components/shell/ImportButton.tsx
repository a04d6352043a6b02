import { readFiles } from '../paste/PasteView.js';
import type { OfflineText } from '../../workspace/offline.js';

/** Props of {@link ImportButton}. */
export interface ImportButtonProps {
  onTexts(name: string, texts: OfflineText[]): void;
  /** A picked file could not be read (the browser refused it, it went away). */
  onError(message: string): void;
}

/**
 * "Import…": picks HAR files (Chrome's and Firefox's exports, the extension's own) or JSON/JWT files and hands
 * their text on, or says why they could not be read. Reading happens in the panel; nothing leaves it. Does not
 * analyse anything.
 */
export function ImportButton({ onTexts, onError }: ImportButtonProps) {
  return (
    <label class="button" data-testid="import">
      Import…
      <input
        type="file"
        data-testid="import-input"
        class="visually-hidden"
        accept=".har,.json,.jwt,.txt,application/json"
        multiple
        onChange={(e) => {
          const input = e.currentTarget;
          const files = input.files ? [...input.files] : [];
          input.value = '';
          if (files.length === 0) return;
          readFiles(files).then(
            (texts) => onTexts(texts.length === 1 ? texts[0]!.name : `${texts.length} files`, texts),
            (err: unknown) => onError(`could not read ${files.map((f) => f.name).join(', ')}: ${err instanceof Error ? err.message : String(err)}`),
          );
        }}
      />
    </label>
  );
}
