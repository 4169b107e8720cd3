import { useApolloClient, useMutation } from '@apollo/client';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
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

const SignInMethodQuery = graphql(`
  query SignInMethod($email: String!) {
    signInMethod(email: $email) {
      singleSignOn
      organisationName
      startUrl
    }
  }
`);

/** What the server's single sign-on refusals (`/sign-in?sso_error=…`) mean, in words a person can act on. */
export const ssoErrorMessages: Record<string, string> = {
  NO_PROVIDER: 'Single sign-on is not set up for that address. Sign in with your password.',
  UNREACHABLE: "We could not reach your organisation's sign-in service. Try again in a minute.",
  BAD_STATE: 'That sign-in was not started in this browser, or was already used. Start again.',
  EXPIRED: 'The sign-in took too long. Start again.',
  PROVIDER_REFUSED: "Your organisation's sign-in service did not complete the sign-in (it may have been cancelled or taken too long). Start again.",
  TOKEN_INVALID: "Your organisation's sign-in service sent an answer that did not check out, so nobody was signed in. Start again, and tell your programme manager if it happens again.",
  EMAIL_UNVERIFIED: "Your organisation's sign-in service did not confirm your email address, so we cannot tell who you are.",
  WRONG_ORGANISATION: 'This account cannot be signed in through that organisation: sign in with your password.',
  NOT_INVITED: 'You are not a member yet. Ask your programme manager for an invitation, then sign in again.',
  DEACTIVATED: 'Your organisation has turned off your access.',
};

const looksLikeEmail = (address: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address);

interface Method {
  email: string;
  /** Where to send the browser when the address's organisation signs its people in itself. */
  sso: { startUrl: string; organisationName: string } | null;
}

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
  const apollo = useApolloClient();
  const ssoError = params.get('sso_error');

  // Email first: once the address is known, a covered domain goes to its organisation's provider and
  // any other gets the password field.
  const [method, setMethod] = useState<Method | null>(null);
  const [redirecting, setRedirecting] = useState<string | null>(null);
  const address = email.trim();
  const known = method?.email === address ? method : null;
  const check = useCallback(
    async (value: string): Promise<Method | null> => {
      const result = await apollo.query({ query: SignInMethodQuery, variables: { email: value }, fetchPolicy: 'network-only' }).catch(() => null);
      const found = result?.data?.signInMethod;
      if (!found) return null;
      const checked = { email: value, sso: found.singleSignOn && found.startUrl ? { startUrl: found.startUrl, organisationName: found.organisationName ?? 'your organisation' } : null };
      setMethod(checked);
      return checked;
    },
    [apollo],
  );
  useEffect(() => {
    if (!looksLikeEmail(address)) return;
    const timer = setTimeout(() => void check(address), 250);
    return () => clearTimeout(timer);
  }, [address, check]);

  function goToProvider(sso: NonNullable<Method['sso']>) {
    setRedirecting(sso.organisationName);
    window.location.assign(sso.startUrl);
  }

  // Already signed in (and not on the way out): go straight in.
  if (viewer && !justSignedOut) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setUserErrors([]);
    if (!known) {
      if (!looksLikeEmail(address)) {
        setUserErrors([{ field: ['input', 'email'], message: 'Enter a valid email address.' }]);
        return;
      }
      const checked = await check(address);
      if (checked?.sso) goToProvider(checked.sso);
      else setTimeout(() => passwordInput.current?.focus(), 0);
      return;
    }
    if (known.sso) {
      goToProvider(known.sso);
      return;
    }
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

  function pickDemo(demo: string) {
    setEmail(demo);
    setUserErrors([]);
    // Demo accounts sign in with a password: offer its field at once.
    setMethod({ email: demo, sso: null });
    setTimeout(() => passwordInput.current?.focus(), 0);
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
          {ssoError && !redirecting && (
            <p className="notice notice--problem" role="alert">
              {ssoErrorMessages[ssoError] ?? 'Single sign-on did not work. Start again.'}
            </p>
          )}
          {redirecting ? (
            <p className="notice notice--info" role="status">
              Taking you to {redirecting}'s sign-in…
            </p>
          ) : (
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
              {known?.sso && (
                <p className="notice notice--info" role="status">
                  {known.sso.organisationName} signs you in with your work account.
                </p>
              )}
              {known && !known.sso && (
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
              )}
              <ErrorSummary errors={userErrors} />
              {error && <ProblemMessage error={error} />}
              <button type="submit" className="button button--primary button--wide" disabled={loading}>
                {known?.sso ? 'Continue with single sign-on' : known ? (loading ? 'Signing in…' : 'Sign in') : 'Continue'}
              </button>
            </form>
          )}
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
