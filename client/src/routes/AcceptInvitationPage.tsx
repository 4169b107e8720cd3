import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, fieldError, TextField, type UserErrorLike } from '../components/forms';
import { Logo } from '../components/Logo';
import { ProblemMessage } from '../components/ProblemMessage';
import { RoleBadges } from '../components/RoleBadges';
import { graphql } from '../gql';
import { useSession } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';

const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      displayName
      email
      hasAccount
      organisationName
      roles
      status
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const MIN_PASSWORD = 10;

/** Where an invitation link lands: see what is offered, choose a name and password, and join. */
export function AcceptInvitationPage() {
  useTitle('Accept your invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  return (
    <div className="centred-page">
      <div className="brand brand--large brand--centred">
        <Logo size={36} />
        <span className="brand__name">Common Ground</span>
      </div>
      <main className="card narrow-card" id="main">
        {token ? <Invitation token={token} /> : <InvalidLink />}
      </main>
    </div>
  );
}

function InvalidLink() {
  return (
    <>
      <h1>This invitation link is not valid</h1>
      <p>Check that you opened the whole link from your invitation, or ask your programme manager for a new one.</p>
      <p>
        <Link to="/sign-in">Go to sign in</Link>
      </p>
    </>
  );
}

function Invitation({ token }: { token: string }) {
  const { data, loading, error, refetch } = useQuery(InvitationPreviewQuery, { variables: { token }, fetchPolicy: 'network-only' });

  if (loading && !data) return <p className="loading">Checking your invitation…</p>;
  if (error && !data) return <ProblemMessage error={error} onRetry={() => refetch()} />;
  const invitation = data?.invitation;
  if (!invitation) return <InvalidLink />;

  if (invitation.status === 'ACCEPTED') {
    return (
      <>
        <h1>This invitation has been used</h1>
        <p>
          It has already been accepted. Sign in with <strong>{invitation.email}</strong> to join{' '}
          {invitation.organisationName}.
        </p>
        <p>
          <Link className="button button--primary" to="/sign-in">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  if (invitation.status === 'REVOKED') {
    return (
      <>
        <h1>This invitation was withdrawn</h1>
        <p>{invitation.organisationName} withdrew it. If you should have one, ask your programme manager there.</p>
      </>
    );
  }
  if (invitation.status === 'EXPIRED') {
    return (
      <>
        <h1>This invitation has expired</h1>
        <p>Ask your programme manager at {invitation.organisationName} to send you a new link.</p>
      </>
    );
  }
  return <AcceptForm token={token} invitation={invitation} />;
}

interface Preview {
  displayName: string;
  email: string;
  hasAccount: boolean;
  organisationName: string;
  roles: Parameters<typeof RoleBadges>[0]['roles'];
}

function AcceptForm({ token, invitation }: { token: string; invitation: Preview }) {
  const navigate = useNavigate();
  const { signedIn } = useSession();
  const [displayName, setDisplayName] = useState(invitation.displayName);
  const [password, setPassword] = useState('');
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [accept, { loading, error }] = useMutation(AcceptInvitationMutation);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!invitation.hasAccount && password.length < MIN_PASSWORD) {
      setUserErrors([{ field: ['input', 'password'], message: `Choose a password of at least ${MIN_PASSWORD} characters.` }]);
      return;
    }
    setUserErrors([]);
    const result = await accept({
      variables: { input: { token, password, displayName: invitation.hasAccount ? null : displayName.trim() || null } },
    }).catch(() => null);
    const payload = result?.data?.acceptInvitation;
    if (!payload) return;
    if (payload.userErrors.length > 0 || !payload.viewer) {
      setUserErrors(payload.userErrors.length ? payload.userErrors : [{ message: 'That did not work. Please try again.' }]);
      return;
    }
    await signedIn(payload.viewer);
    navigate('/', { replace: true });
  }

  return (
    <>
      <h1>Join {invitation.organisationName}</h1>
      <p>
        You have been invited as <strong>{invitation.email}</strong> with these roles:
      </p>
      <RoleBadges roles={invitation.roles} label="Roles on offer" />
      <form onSubmit={handleSubmit} noValidate className="stack">
        {invitation.hasAccount ? (
          <p className="notice notice--info">You already have a Common Ground account. Enter its password to accept.</p>
        ) : (
          <TextField
            label="Your name"
            hint="As colleagues will see it."
            name="displayName"
            autoComplete="name"
            required
            value={displayName}
            error={fieldError(userErrors, 'displayName')}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        )}
        <TextField
          label={invitation.hasAccount ? 'Your password' : 'Choose a password'}
          hint={invitation.hasAccount ? undefined : `At least ${MIN_PASSWORD} characters.`}
          type="password"
          name="password"
          autoComplete={invitation.hasAccount ? 'current-password' : 'new-password'}
          required
          value={password}
          error={fieldError(userErrors, 'password')}
          onChange={(event) => setPassword(event.target.value)}
        />
        <ErrorSummary errors={userErrors} />
        {error && <ProblemMessage error={error} />}
        <button type="submit" className="button button--primary button--wide" disabled={loading}>
          {loading ? 'Joining…' : 'Accept and sign in'}
        </button>
      </form>
    </>
  );
}
