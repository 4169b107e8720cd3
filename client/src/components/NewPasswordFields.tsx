import { fieldError, TextField, type UserErrorLike } from './forms';

export interface NewPassword {
  newPassword: string;
  confirmation: string;
}

/** A new password, typed twice so a slip of the finger does not lock the person out. */
export function NewPasswordFields({ value, onChange, errors, hint = 'At least 10 characters.' }: { value: NewPassword; onChange(next: NewPassword): void; errors: readonly UserErrorLike[]; hint?: string }) {
  return (
    <>
      <TextField
        label="New password"
        hint={hint}
        type="password"
        autoComplete="new-password"
        required
        value={value.newPassword}
        onChange={(event) => onChange({ ...value, newPassword: event.target.value })}
        error={fieldError(errors, 'newPassword')}
      />
      <TextField
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        value={value.confirmation}
        onChange={(event) => onChange({ ...value, confirmation: event.target.value })}
        error={fieldError(errors, 'confirmation')}
      />
    </>
  );
}

/** The userError for two new passwords that differ, or none. */
export function mismatch(value: NewPassword): UserErrorLike[] {
  return value.newPassword === value.confirmation ? [] : [{ field: ['input', 'confirmation'], message: 'The two new passwords are not the same.' }];
}
