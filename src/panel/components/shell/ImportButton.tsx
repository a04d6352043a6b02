import { readFiles } from '../paste/PasteView.js';
import type { OfflineText } from '../../workspace/offline.js';

/**
 * "Import…": picks HAR files (Chrome's and Firefox's exports, the extension's own) or JSON/JWT files and hands
 * their text on. Reading happens in the panel; nothing leaves it.
 */
export function ImportButton({ onTexts }: { onTexts(name: string, texts: OfflineText[]): void }) {
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
          if (files.length > 0) void readFiles(files).then((texts) => onTexts(texts.length === 1 ? texts[0]!.name : `${texts.length} files`, texts));
        }}
      />
    </label>
  );
}
