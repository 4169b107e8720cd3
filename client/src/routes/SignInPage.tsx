import { useMutation } from '@apollo/client';
import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, TextField, type UserErrorLike } from '../components/forms';
import { Logo } from '../components/Logo';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import { useSession } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';
import { useViewer } from '../hooks/useViewer';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer {
        ...ViewerFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DEMO_PASSWORD = 'commonground';

export const demoAccounts = [
  { email: 'admin@commonground.example', who: 'Platform admin' },
  { email: 'pat.manager@northshore.example', who: 'Programme manager, Northshore' },
  { email: 'sam.senior@northshore.example', who: 'Senior co-learner, Northshore' },
  { email: 'jo.junior@northshore.example', who: 'Junior co-learner, Northshore' },
  { email: 'olu.owner@northshore.example', who: 'Owner (Director of People), Northshore' },
  { email: 'dee.owner@northshore.example', who: 'Owner (Chief Nurse), Northshore' },
  { email: 'kit.junior@northshore.example', who: 'Junior co-learner in a quiet pair, Northshore' },
  { email: 'casey.member@riverside.example', who: 'Community member, Riverside Council' },
];

/** Only paths inside the app, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignInPage() {
  useTitle('Sign in');
  const { viewer } = useViewer();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const justSignedOut = Boolean((location.state as { signedOut?: boolean } | null)?.signedOut);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const passwordInput = useRef<HTMLInputElement>(null);
  const [login, { loading, error }] = useMutation(LoginMutation);

  // Already signed in (and not on the way out): go straight in.
  if (viewer && !justSignedOut) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setUserErrors([]);
    const result = await login({ variables: { input: { email: email.trim(), password } } }).catch(() => null);
    const payload = result?.data?.login;
    if (!payload) return; // top-level problem: shown from `error`
    if (payload.userErrors.length > 0 || !payload.viewer) {
      setUserErrors(payload.userErrors.length ? payload.userErrors : [{ message: 'Sign-in did not work. Please try again.' }]);
      setPassword('');
      return;
    }
    await signedIn(payload.viewer);
    navigate(next, { replace: true });
  }

  function pickDemo(address: string) {
    setEmail(address);
    setUserErrors([]);
    passwordInput.current?.focus();
  }

  return (
    <div className="sign-in">
      <header className="sign-in__intro">
        <div className="brand brand--large">
          <Logo size={40} />
          <span className="brand__name">Common Ground</span>
        </div>
        <p className="sign-in__lede">Reciprocal mentoring that changes the organisation, not just the people in it.</p>
        <p>
          Senior and junior colleagues meet as co-learners. Together they name the barriers to equality, diversity and
          inclusion they see, propose changes, and follow each one to the leader who can make it happen, until it is
          adopted and shared with others who can learn from it.
        </p>
        <ol className="journey" aria-label="How an insight becomes change">
          <li>Barrier on record</li>
          <li>Proposal with an owner</li>
          <li>Decision with a reason</li>
          <li>Change adopted</li>
          <li>Case shared</li>
        </ol>
      </header>

      <main className="sign-in__main" id="main">
        <section className="card sign-in__card" aria-labelledby="sign-in-heading">
          <h1 id="sign-in-heading">Sign in</h1>
          {justSignedOut && !viewer && (
            <p className="notice notice--info" role="status">
              You have signed out.
            </p>
          )}
          <form onSubmit={handleSubmit} noValidate>
            <TextField
              label="Email"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <TextField
              label="Password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              ref={passwordInput}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <ErrorSummary errors={userErrors} />
            {error && <ProblemMessage error={error} />}
            <button type="submit" className="button button--primary button--wide" disabled={loading}>
              {loading ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
          <p className="sign-in__help">
            <Link to="/recover-account">Forgotten your password?</Link>
          </p>
        </section>

        <section className="card demo-accounts" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Try a demo account</h2>
          <p>
            Every demo account uses the password <code>{DEMO_PASSWORD}</code>. Choose one to fill in its email.
          </p>
          <ul>
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <button type="button" className="demo-account" onClick={() => pickDemo(account.email)}>
                  <span className="demo-account__email">
                    {account.email.split('@')[0]}@<wbr />
                    {account.email.split('@')[1]}
                  </span>
                  <span className="demo-account__who">{account.who}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </div>
  );
}
