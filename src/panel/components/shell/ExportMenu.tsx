import { useSignal } from '@preact/signals';

/** The exports the panel offers. */
export type ExportKind = 'har' | 'report' | 'markdown';

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  /** Which exports have nothing to export (a HAR needs requests, a report an analysis). */
  disabled: Record<ExportKind, boolean>;
  /** Runs one export; `redact` is false only while the user has "unredacted" ticked. */
  onExport(kind: ExportKind, redact: boolean): Promise<void>;
}

/**
 * Export buttons: HAR, JSON report (the CLI's format) and Markdown summary. Redacted by default: signatures
 * stripped, credentials masked, personal claims replaced by salted hashes. Unredacted only while the box is
 * ticked; ticking it shows what an unredacted file holds.
 */
export function ExportMenu({ disabled, onExport }: ExportMenuProps) {
  const unredacted = useSignal(false);
  const status = useSignal('');
  const run = async (kind: ExportKind) => {
    status.value = '';
    try {
      await onExport(kind, !unredacted.value);
      status.value = unredacted.value ? 'Exported unredacted.' : 'Exported (redacted).';
    } catch (err) {
      status.value = `Export failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  return (
    <div class="export-menu" role="group" aria-label="Export">
      <span class="muted">Export</span>
      <button type="button" data-testid="export-har" disabled={disabled.har} onClick={() => void run('har')}>
        HAR
      </button>
      <button type="button" data-testid="export-report" disabled={disabled.report} onClick={() => void run('report')}>
        JSON report
      </button>
      <button type="button" data-testid="export-markdown" disabled={disabled.markdown} onClick={() => void run('markdown')}>
        Markdown
      </button>
      <label title="Unredacted exports hold live tokens, secrets and personal data.">
        <input type="checkbox" data-testid="export-unredacted" checked={unredacted.value} onChange={(e) => (unredacted.value = e.currentTarget.checked)} />
        unredacted
      </label>
      {unredacted.value && (
        <span class="warning-text" role="note" data-testid="unredacted-warning">
          Unredacted exports contain working tokens, client secrets, cookies and personal data.
        </span>
      )}
      {status.value && (
        <span class="muted" role="status" data-testid="export-status">
          {status.value}
        </span>
      )}
    </div>
  );
}
