import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { useSession } from '../../hooks/useSession';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { roleList } from '../../labels';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      changed
      otherSessionsEnded
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Who you are here, your password, and signing out of every device. */
export function AccountPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Your account');
  const navigate = useNavigate();
  const { signOut, signingOut } = useSession();

  async function signOutEverywhere() {
    navigate('/sign-in', { replace: true, state: { signedOut: true } });
    await signOut({ everywhere: true });
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Your account</h1>
        <p className="page-header__sub">{viewer.person.displayName}</p>
      </div>

      <section className="card" aria-labelledby="account-details-heading">
        <h2 id="account-details-heading">Where you belong</h2>
        <dl className="facts">
          <div>
            <dt>Email</dt>
            <dd>{viewer.email}</dd>
          </div>
          {viewer.memberships.map((membership) => (
            <div key={membership.id}>
              <dt>{membership.organisation.name}</dt>
              <dd>{roleList(membership.roles)}</dd>
            </div>
          ))}
          {viewer.isPlatformAdmin && (
            <div>
              <dt>Common Ground</dt>
              <dd>Platform admin</dd>
            </div>
          )}
        </dl>
        <p className="muted">Your programme manager changes your roles. Ask them if something here is wrong.</p>
      </section>

      <section className="card" aria-labelledby="my-data-heading">
        <h2 id="my-data-heading">Your data</h2>
        <p>
          Everything Common Ground holds about you in your organisations: your pairs, your sessions and their private notes, the barriers and
          changes you worked on, your decisions and comments. Questionnaire answers are kept without your name, so they cannot be included.
        </p>
        <a className="button button--secondary" href="/exports/my-data.json" download>
          Download your data (JSON)
        </a>
      </section>

      <ChangePasswordForm />

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Signed in somewhere else?</h2>
        <p>If you signed in on a shared or lost device, sign out everywhere, this browser included.</p>
        <button type="button" className="button button--secondary" onClick={signOutEverywhere} disabled={signingOut}>
          Sign out everywhere
        </button>
      </section>
    </div>
  );
}

const emptyPasswords = { currentPassword: '', newPassword: '', confirmation: '' };

function ChangePasswordForm() {
  const [values, setValues] = useState(emptyPasswords);
  const [done, setDone] = useState<string | null>(null);
  const action = useFormAction();
  const [changePassword] = useMutation(ChangePasswordMutation);
  const set = (key: keyof typeof emptyPasswords) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (values.newPassword !== values.confirmation) {
      return action.fail([{ field: ['input', 'confirmation'], message: 'The two new passwords are not the same.' }]);
    }
    const input = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const payload = await action.run(() => changePassword({ variables: { input } }), (data) => data.changePassword);
    if (!payload) return;
    setValues(emptyPasswords);
    const others = payload.otherSessionsEnded;
    setDone(`Your password is changed.${others ? ` ${others === 1 ? 'One other session was' : `${others} other sessions were`} signed out.` : ''}`);
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <form onSubmit={handleSubmit} noValidate className="form-grid" aria-labelledby="password-heading">
        <TextField
          label="Current password"
          type="password"
          required
          autoComplete="current-password"
          className="field--wide"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={fieldError(action.userErrors, 'currentPassword')}
        />
        <TextField
          label="New password"
          hint="At least 10 characters. Other devices are signed out when you change it."
          type="password"
          required
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={fieldError(action.userErrors, 'newPassword')}
        />
        <TextField
          label="New password again"
          type="password"
          required
          autoComplete="new-password"
          value={values.confirmation}
          onChange={set('confirmation')}
          error={fieldError(action.userErrors, 'confirmation')}
        />
        <div className="field--wide">
          <FormProblems userErrors={action.userErrors} problem={action.problem} />
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
