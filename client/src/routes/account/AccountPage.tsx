import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { CopyLink } from '../../components/CopyLink';
import { FormProblems } from '../../components/FormProblems';
import { mismatch, NewPasswordFields } from '../../components/NewPasswordFields';
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
  const recovered = (useLocation().state as { recovered?: boolean } | null)?.recovered === true;

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
      {recovered && (
        <p className="notice notice--success" role="status">
          Your new password is set and every other session is signed out. Your recovery code is used up: make a new one below.
        </p>
      )}

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

      <section className="card" aria-labelledby="email-heading">
        <h2 id="email-heading">Email</h2>
        <p>Common Ground emails you about what happens in the app, and reminds you of what is due. Choose, kind by kind, to get it at once, in a daily summary or not at all.</p>
        <Link className="button button--secondary" to="/account/email">
          Choose your emails
        </Link>
      </section>

      <ChangePasswordForm />

      <RecoveryCodeForm hasRecoveryCode={viewer.hasRecoveryCode} />

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

const CreateRecoveryCodeMutation = graphql(`
  mutation CreateRecoveryCode($input: CreateRecoveryCodeInput!) {
    createRecoveryCode(input: $input) {
      recoveryCode
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A code that sets a new password if this one is forgotten: nobody else can reset it, by design. */
function RecoveryCodeForm({ hasRecoveryCode }: { hasRecoveryCode: boolean }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const action = useFormAction();
  const [create] = useMutation(CreateRecoveryCodeMutation, { refetchQueries: ['Viewer'] });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const payload = await action.run(() => create({ variables: { input: { currentPassword } } }), (data) => data.createRecoveryCode);
    if (!payload?.recoveryCode) return;
    setCurrentPassword('');
    setCode(payload.recoveryCode);
  }

  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">If you forget your password</h2>
      <p>
        Nobody can reset your password for you, not even your programme manager: that keeps your pair’s private notes yours. A recovery
        code lets you set a new one yourself, once.{' '}
        {hasRecoveryCode ? 'You have one; making a new one replaces it.' : 'You have none yet.'}
      </p>
      {code ? (
        <div className="notice notice--success" role="status">
          <p>Here is your recovery code. It is shown this once: keep it in your password manager or write it down somewhere safe.</p>
          <CopyLink label="Your recovery code" url={code} noun="code" afterCopy="Keep it somewhere safe." />
        </div>
      ) : (
        <form onSubmit={handleSubmit} noValidate className="form-grid" aria-labelledby="recovery-heading">
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
            error={fieldError(action.userErrors, 'currentPassword')}
          />
          <div className="field--wide">
            <FormProblems userErrors={action.userErrors} problem={action.problem} />
            <button type="submit" className="button button--secondary" disabled={action.busy}>
              {hasRecoveryCode ? 'Make a new recovery code' : 'Make a recovery code'}
            </button>
          </div>
        </form>
      )}
    </section>
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
    if (mismatch(values).length) return action.fail(mismatch(values));
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
        <NewPasswordFields
          value={values}
          onChange={(next) => setValues((current) => ({ ...current, ...next }))}
          errors={action.userErrors}
          hint="At least 10 characters. Other devices are signed out when you change it."
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
