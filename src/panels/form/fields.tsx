import { type ReactNode, useId, useState } from 'react';
import type { FieldIssue } from '../../model';
import { useExplain } from '../modelText';

/** Applies a value; returns the reasons it was refused, or null when it was applied. */
export type Commit<T> = (value: T) => FieldIssue[] | null;

interface FieldShell {
  label: string;
  hint?: string;
}

/** Label, control and the errors of the last refused change, linked for screen readers. */
function Field({ id, label, hint, errors, children, inline }: FieldShell & { id: string; errors: string[]; children: ReactNode; inline?: boolean }) {
  return (
    <div className={`field${inline ? ' field-inline' : ''}${errors.length ? ' has-error' : ''}`}>
      {inline ? children : null}
      <label htmlFor={id}>{label}</label>
      {inline ? null : children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

function useCommitter<T>(onCommit: Commit<T>) {
  const explain = useExplain();
  const [errors, setErrors] = useState<string[]>([]);
  const commit = (value: T): boolean => {
    const issues = onCommit(value);
    // one message at a time: several rules refusing one value (a 64-bit bound, then the argument's own)
    // would otherwise read as a contradiction
    setErrors(issues?.length ? [explain(issues[0]!.explanation)] : []);
    return !issues;
  };
  return { errors, setErrors, commit, explain };
}

const describedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** A text field that applies its value on Enter or when it loses focus (one undo step per change). */
export function TextField({ label, hint, value, onCommit, multiline, placeholder }: FieldShell & { value: string; onCommit: Commit<string>; multiline?: boolean; placeholder?: string }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { errors, commit } = useCommitter(onCommit);
  const apply = () => {
    if (draft !== null && (draft === value || commit(draft))) setDraft(null);
  };
  const props = {
    id,
    value: draft ?? value,
    placeholder,
    'aria-invalid': errors.length ? true : undefined,
    'aria-describedby': describedBy(id, hint, errors),
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: apply,
  };
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {multiline ? (
        <textarea {...props} rows={3} onKeyDown={(e) => e.key === 'Enter' && e.ctrlKey && apply()} />
      ) : (
        <input {...props} type="text" onKeyDown={(e) => e.key === 'Enter' && apply()} />
      )}
    </Field>
  );
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number field. Empty means "not set" when `optional` (the x-argument is left out); what is not a
 * number is refused here, everything else by the model's rules.
 */
export function NumberField({ label, hint, value, onCommit, optional, step }: FieldShell & { value: number | undefined; onCommit: Commit<number | undefined>; optional?: boolean; step?: number }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { errors, setErrors, commit, explain } = useCommitter(onCommit);
  const apply = () => {
    if (draft === null) return;
    const text = draft.trim();
    if (text === '' && !optional) return setErrors([explain({ key: 'validation.required' })]);
    // plain decimal numbers only: Number() would also take "0x10", "1e3" or "Infinity"
    if (text !== '' && !DECIMAL.test(text)) return setErrors([explain({ key: 'validation.number' })]);
    const n = text === '' ? undefined : Number(text);
    if (n !== undefined && !Number.isFinite(n)) return setErrors([explain({ key: 'validation.number' })]);
    if (n === value || commit(n)) {
      setDraft(null);
      setErrors([]);
    }
  };
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft ?? (value === undefined ? '' : String(value))}
        data-step={step}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          else if (e.key === 'Escape' && draft !== null) {
            // Escape gives back the value in force
            e.stopPropagation();
            setDraft(null);
            setErrors([]);
          }
        }}
      />
    </Field>
  );
}

export function CheckboxField({ label, hint, checked, onCommit, disabled }: FieldShell & { checked: boolean; onCommit: Commit<boolean>; disabled?: boolean }) {
  const id = useId();
  const { errors, commit } = useCommitter(onCommit);
  return (
    <Field id={id} label={label} hint={hint} errors={errors} inline>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => commit(e.target.checked)}
      />
    </Field>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
}

export function SelectField<T extends string>({ label, hint, value, options, onCommit }: FieldShell & { value: T; options: readonly Option<T>[]; onCommit: Commit<T> }) {
  const id = useId();
  const { errors, commit } = useCommitter(onCommit);
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <select
        id={id}
        value={value}
        title={options.find((o) => o.value === value)?.label}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => commit(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
