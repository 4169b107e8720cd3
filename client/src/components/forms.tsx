import { useId, type ComponentProps, type ReactNode } from 'react';

/** The shape every mutation payload's `userErrors` has. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code?: string;
}

/** The input field a user error points at, without the leading "input": e.g. "firstManager.email". */
export function errorKey(error: UserErrorLike): string | null {
  const path = (error.field ?? []).filter((part) => part !== 'input');
  return path.length ? path.join('.') : null;
}

/** The first message for one field, to show next to that input. */
export function fieldError(errors: readonly UserErrorLike[], key: string): string | undefined {
  return errors.find((error) => errorKey(error) === key)?.message;
}

/** Announces a form's problems to screen readers and lists them above the submit button. */
export function ErrorSummary({ errors, title = 'Please check the form' }: { errors: readonly UserErrorLike[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      {errors.length === 1 ? (
        <p>{errors[0].message}</p>
      ) : (
        <>
          <p className="error-summary__title">{title}</p>
          <ul>
            {errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * What every labelled control shares: the label (with "(optional)" unless it is required), the
 * hint and the error, tied to the control by ids and aria-describedby.
 */
function LabelledField({
  label,
  hint,
  error,
  className,
  optional,
  control,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  optional: boolean;
  control(props: ControlProps): ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined })}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Leave out "(optional)": for search boxes and filters, where nothing is required. */
  plain?: boolean;
}

/** A labelled input; the hint and any error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, className, plain = false, ...input }: TextFieldProps) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      className={className}
      optional={!input.required && !plain}
      control={(props) => <input {...props} {...input} />}
    />
  );
}

interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, error, children, ...select }: SelectFieldProps) {
  return (
    <LabelledField
      label={label}
      error={error}
      optional={false}
      control={(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}

interface TextAreaFieldProps extends Omit<ComponentProps<'textarea'>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** A labelled multi-line input, with hint and error tied to it like TextField's. */
export function TextAreaField({ label, hint, error, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      className={className}
      optional={!textarea.required}
      control={(props) => <textarea rows={rows} {...props} {...textarea} />}
    />
  );
}

interface ChoiceGroupProps<T extends string> {
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: string; hint?: string }[];
  className?: string;
}

/** Checkboxes for choosing several values. */
export function CheckboxGroup<T extends string>({ legend, hint, error, options, value, onChange, className }: ChoiceGroupProps<T> & { value: readonly T[]; onChange(next: T[]): void }) {
  const id = useId();
  return (
    <fieldset
      className={['field checkboxes', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint checkboxes__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            onChange={(event) => onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
          />
          <span>
            <span className="checkbox__label">{option.label}</span>
            {option.hint && <span className="checkbox__hint">{option.hint}</span>}
          </span>
        </label>
      ))}
      {error && (
        <p className="field__error checkboxes__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Radio buttons for choosing one value. */
export function RadioGroup<T extends string>({ legend, hint, error, options, value, onChange, className, name }: ChoiceGroupProps<T> & { value: T | null; onChange(next: T): void; name: string }) {
  const id = useId();
  return (
    <fieldset
      className={['field checkboxes', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="field__hint checkboxes__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>
            <span className="checkbox__label">{option.label}</span>
            {option.hint && <span className="checkbox__hint">{option.hint}</span>}
          </span>
        </label>
      ))}
      {error && (
        <p className="field__error checkboxes__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
