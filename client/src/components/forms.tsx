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

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** A labelled input; the hint and any error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>
        {label}
        {!input.required && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: string;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, error, children, ...select }: SelectFieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--invalid' : ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={errorId} {...select}>
        {children}
      </select>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
