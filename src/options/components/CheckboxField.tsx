/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  testId: string;
  label: string;
  description?: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** A labelled checkbox with an optional explanation under it. Does not save anything itself. */
export function CheckboxField({ testId, label, description, checked, onChange }: CheckboxFieldProps) {
  const descriptionId = `${testId}-description`;
  return (
    <div class="checkbox-field">
      <label>
        <input
          type="checkbox"
          data-testid={testId}
          checked={checked}
          aria-describedby={description ? descriptionId : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {label}
      </label>
      {description && (
        <p id={descriptionId} class="hint">
          {description}
        </p>
      )}
    </div>
  );
}
