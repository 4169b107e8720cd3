import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormProblems } from '../components/FormProblems';
import { fieldError, TextField } from '../components/forms';
import { Logo } from '../components/Logo';
import { mismatch, NewPasswordFields } from '../components/NewPasswordFields';
import { graphql } from '../gql';
import { useFormAction } from '../hooks/useFormAction';
import { useSession } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';

const RecoverAccountMutation = graphql(`
  mutation RecoverAccount($input: RecoverAccountInput!) {
    recoverAccount(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const empty = { email: '', recoveryCode: '', newPassword: '', confirmation: '' };

/**
 * A forgotten password, without mail and without anyone else's help: the recovery code the person
 * made on their account page sets a new one. Nobody else can do this for them, by design: a
 * manager who could would be able to read the pair's private notes.
 */
export function RecoverAccountPage() {
  useTitle('Forgotten password');
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [values, setValues] = useState(empty);
  const action = useFormAction();
  const [recover] = useMutation(RecoverAccountMutation);
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (mismatch(values).length) return action.fail(mismatch(values));
    const input = { email: values.email.trim(), recoveryCode: values.recoveryCode.trim(), newPassword: values.newPassword };
    const payload = await action.run(() => recover({ variables: { input } }), (data) => data.recoverAccount);
    if (!payload?.viewer) return;
    await signedIn(payload.viewer);
    navigate('/account', { replace: true, state: { recovered: true } });
  }

  return (
    <div className="centred-page">
      <div className="brand brand--large brand--centred">
        <Logo size={36} />
        <span className="brand__name">Common Ground</span>
      </div>
      <main className="card narrow-card" id="main">
        <h1>Forgotten your password?</h1>
        <p>
          Enter the recovery code you made on your account page. It sets a new password and signs you out everywhere else; then make a new
          code. Without a code, nobody can reset your password for you: that keeps your pair’s private notes yours.
        </p>
        <form onSubmit={handleSubmit} noValidate className="stack">
          <TextField label="Email" type="email" autoComplete="username" required value={values.email} onChange={set('email')} error={fieldError(action.userErrors, 'email')} />
          <TextField
            label="Recovery code"
            hint="Such as K7QXM-2HD9P-W4TZN-8RBFA; capitals and dashes do not matter."
            autoComplete="off"
            required
            value={values.recoveryCode}
            onChange={set('recoveryCode')}
            error={fieldError(action.userErrors, 'recoveryCode')}
          />
          <NewPasswordFields value={values} onChange={(next) => setValues((current) => ({ ...current, ...next }))} errors={action.userErrors} />
          <FormProblems userErrors={action.userErrors} problem={action.problem} />
          <button type="submit" className="button button--primary button--wide" disabled={action.busy}>
            {action.busy ? 'Setting your password…' : 'Set a new password'}
          </button>
        </form>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </main>
    </div>
  );
}
