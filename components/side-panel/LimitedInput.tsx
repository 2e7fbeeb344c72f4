import { useId, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { t, type Language } from '@/lib/i18n';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'lang'> {
  lang: Language;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The most characters the background stores (the same count: UTF-16 units, as zod's maxLength). */
  limit: number;
  /** Enter (not while an IME is composing: Chinese input confirms a word with Enter). */
  onEnter?: () => void;
  /** The label is read by screen readers only, the placeholder shows it (compact rows). */
  labelHidden?: boolean;
  /** A problem to show under the field instead of the counter (e.g. the background's refusal). */
  problem?: string | null;
  /** How messages name the field, when the label says more than its name (添加备注 → 备注). */
  fieldName?: string;
}

/** Whether a key press is a plain Enter, and not an IME confirming a candidate. */
export const isPlainEnter = (e: KeyboardEvent) => e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229 && !e.shiftKey;

/**
 * A text field that shows its limit as a counter and says, in the agent's language, when the text is too long.
 * It never cuts what the agent typed: the agent decides what to remove.
 */
export function LimitedInput({ lang, label, value, onChange, limit, onEnter, labelHidden, problem, fieldName, ...rest }: Props) {
  const id = useId();
  const over = value.length > limit;
  const message = problem ?? (over ? t(lang, 'error.tooLongNow', { field: fieldName ?? label.replace(/[（(].*$/, '').trim(), limit, n: value.length }) : null);
  return (
    <div className="field limited">
      {!labelHidden && <label htmlFor={id}>{label}</label>}
      <input
        {...rest}
        id={id}
        aria-label={labelHidden ? label : undefined}
        placeholder={labelHidden ? label : rest.placeholder}
        value={value}
        aria-invalid={!!message}
        aria-describedby={`${id}-count`}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (onEnter && isPlainEnter(e)) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      <span id={`${id}-count`} className={`small ${message ? 'danger' : 'muted'}`} role={message ? 'alert' : undefined}>
        {message ?? t(lang, 'input.count', { n: value.length, limit })}
      </span>
    </div>
  );
}
