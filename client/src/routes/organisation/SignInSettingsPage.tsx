import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { CopyLink } from '../../components/CopyLink';
import { CheckboxGroup, fieldError, RadioGroup, TextField } from '../../components/forms';
import { FormProblems } from '../../components/FormProblems';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { IdentityProviderStatus, NewPeoplePolicy, Role } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import { allRoles, formatDateTime, roleDescriptions, roleLabels } from '../../labels';

export const IdentityProviderFields = graphql(`
  fragment IdentityProviderFields on IdentityProvider {
    id
    issuer
    clientId
    emailDomains
    newPeople
    joinRoles
    status
    requireSingleSignOn
    testedAt
    redirectUri
  }
`);

const SignInSettingsQuery = graphql(`
  query SignInSettings($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        name
        identityProvider {
          ...IdentityProviderFields
        }
        provisioning {
          baseUrl
          hasToken
          tokenCreatedAt
          tokenLastUsedAt
        }
      }
    }
  }
`);

const ConfigureMutation = graphql(`
  mutation ConfigureIdentityProvider($input: ConfigureIdentityProviderInput!) {
    configureIdentityProvider(input: $input) {
      identityProvider {
        ...IdentityProviderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const TestMutation = graphql(`
  mutation TestIdentityProvider($input: TestIdentityProviderInput!) {
    testIdentityProvider(input: $input) {
      identityProvider {
        ...IdentityProviderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const UseMutation = graphql(`
  mutation SetSingleSignOnUse($input: SetSingleSignOnUseInput!) {
    setSingleSignOnUse(input: $input) {
      identityProvider {
        ...IdentityProviderFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CreateTokenMutation = graphql(`
  mutation CreateScimToken($input: ScimTokenInput!) {
    createScimToken(input: $input) {
      token
      provisioning {
        baseUrl
        hasToken
        tokenCreatedAt
        tokenLastUsedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RevokeTokenMutation = graphql(`
  mutation RevokeScimToken($input: ScimTokenInput!) {
    revokeScimToken(input: $input) {
      provisioning {
        baseUrl
        hasToken
        tokenCreatedAt
        tokenLastUsedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const statusLabels: Record<IdentityProviderStatus, string> = {
  UNTESTED: 'Not tested yet',
  TESTED: 'Tested, turned off',
  ENABLED: 'Turned on',
};

/** For an organisation's programme managers and platform admins: single sign-on and provisioning. */
export function SignInSettingsPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SignInSettingsQuery, { variables: { id } });
  const organisation = data?.node?.__typename === 'Organisation' ? data.node : null;
  useTitle(organisation ? `Sign-in for ${organisation.name}` : 'Sign-in');

  if (loading && !data) return <p className="loading">Loading…</p>;
  if (!organisation) return <div className="page">{error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <p>We could not find this organisation.</p>}</div>;
  if (!organisation.provisioning) {
    return (
      <div className="page">
        <h1>Sign-in</h1>
        <p className="card">Only the organisation's programme managers and platform admins set up how its people sign in.</p>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="page-header">
        <h1>Sign-in</h1>
        <p className="page-header__sub">{organisation.name}</p>
      </div>
      <IdentityProviderSection organisationId={organisation.id} provider={organisation.identityProvider ?? null} />
      <ProvisioningSection organisationId={organisation.id} provisioning={organisation.provisioning} />
      <p>
        <Link to={`/members?org=${encodeURIComponent(organisation.id)}`}>Back to members</Link>
      </p>
    </div>
  );
}

interface Provider {
  issuer: string;
  clientId: string;
  emailDomains: readonly string[];
  newPeople: NewPeoplePolicy;
  joinRoles: readonly Role[];
  status: IdentityProviderStatus;
  requireSingleSignOn: boolean;
  testedAt?: string | null;
  redirectUri: string;
}

function IdentityProviderSection({ organisationId, provider }: { organisationId: string; provider: Provider | null }) {
  const [form, setForm] = useState({
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    emailDomains: provider?.emailDomains.join(', ') ?? '',
    newPeople: provider?.newPeople ?? ('INVITED_ONLY' as NewPeoplePolicy),
    joinRoles: [...(provider?.joinRoles ?? [])] as Role[],
  });
  const [notice, setNotice] = useState('');
  const save = useFormAction();
  const test = useFormAction();
  const use = useFormAction();
  const [configure] = useMutation(ConfigureMutation, { refetchQueries: [SignInSettingsQuery], awaitRefetchQueries: true });
  const [runTest] = useMutation(TestMutation);
  const [setUse] = useMutation(UseMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    const input = {
      organisationId,
      issuer: form.issuer.trim(),
      clientId: form.clientId.trim(),
      clientSecret: form.clientSecret || null,
      emailDomains: form.emailDomains.split(/[\s,]+/).filter(Boolean),
      newPeople: form.newPeople,
      joinRoles: form.newPeople === 'JOIN_ON_FIRST_SIGN_IN' ? form.joinRoles : [],
    };
    const saved = await save.run(() => configure({ variables: { input } }), (d) => d.configureIdentityProvider);
    if (saved) {
      setForm((f) => ({ ...f, clientSecret: '' }));
      setNotice(saved.identityProvider?.status === 'UNTESTED' ? 'Saved. Test the connection before turning it on.' : 'Saved.');
    }
  }

  async function testConnection() {
    setNotice('');
    const tested = await test.run(() => runTest({ variables: { input: { organisationId } } }), (d) => d.testIdentityProvider);
    if (tested) setNotice('The provider answered as it should.');
  }

  async function changeUse(enabled: boolean, requireSingleSignOn: boolean) {
    setNotice('');
    const changed = await use.run(() => setUse({ variables: { input: { organisationId, enabled, requireSingleSignOn } } }), (d) => d.setSingleSignOnUse);
    if (changed) setNotice(enabled ? (requireSingleSignOn ? 'Members must now sign in through the provider.' : 'Single sign-on is on.') : 'Single sign-on is off.');
  }

  const errors = save.userErrors;
  return (
    <section className="card" aria-labelledby="sso-heading">
      <h2 id="sso-heading">Single sign-on (OpenID Connect)</h2>
      <p>
        People whose email is in one of your domains sign in with their work account (Microsoft Entra ID, Google Workspace, Okta) instead of a
        password. {provider ? <strong>{statusLabels[provider.status]}.</strong> : 'Not set up.'}
      </p>
      <p role="status" className={notice ? 'notice notice--success' : 'visually-hidden'}>
        {notice}
      </p>
      {provider && <CopyLink label="Redirect URI to register with the provider" url={provider.redirectUri} noun="URI" afterCopy="Paste it into the provider's app registration." />}
      <form onSubmit={submit} noValidate>
        <TextField label="Issuer URL" required hint="For Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0" value={form.issuer} error={fieldError(errors, 'input.issuer')} onChange={(e) => setForm({ ...form, issuer: e.target.value })} />
        <TextField label="Client ID" required value={form.clientId} error={fieldError(errors, 'input.clientId')} onChange={(e) => setForm({ ...form, clientId: e.target.value })} />
        <TextField
          label="Client secret"
          required={!provider}
          type="password"
          autoComplete="off"
          hint={provider ? 'Kept encrypted and never shown again; leave empty to keep it.' : 'Kept encrypted and never shown again.'}
          value={form.clientSecret}
          error={fieldError(errors, 'input.clientSecret')}
          onChange={(e) => setForm({ ...form, clientSecret: e.target.value })}
        />
        <TextField label="Email domains" required hint="Separated by commas, e.g. northshore.nhs.uk" value={form.emailDomains} error={fieldError(errors, 'input.emailDomains')} onChange={(e) => setForm({ ...form, emailDomains: e.target.value })} />
        <RadioGroup<NewPeoplePolicy>
          legend="People new to Common Ground"
          name="newPeople"
          value={form.newPeople}
          onChange={(newPeople) => setForm({ ...form, newPeople })}
          options={[
            { value: 'INVITED_ONLY', label: 'Only people we have invited', hint: 'Their first sign-in takes up their invitation.' },
            { value: 'JOIN_ON_FIRST_SIGN_IN', label: 'Anyone the provider signs in', hint: 'They join with the roles below.' },
          ]}
        />
        {form.newPeople === 'JOIN_ON_FIRST_SIGN_IN' && (
          <CheckboxGroup<Role>
            legend="Roles for people who join"
            value={form.joinRoles}
            error={fieldError(errors, 'input.joinRoles')}
            onChange={(joinRoles) => setForm({ ...form, joinRoles })}
            options={allRoles.map((role) => ({ value: role, label: roleLabels[role], hint: roleDescriptions[role] }))}
          />
        )}
        <FormProblems userErrors={errors} problem={save.problem} />
        <button type="submit" className="button button--primary" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save'}
        </button>
      </form>
      {provider && (
        <div className="sso-steps">
          <h3>Test the connection</h3>
          <p className="muted">{provider.testedAt ? `Last passed ${formatDateTime(provider.testedAt)}.` : 'Fetches the provider’s discovery document and says what is wrong with it.'}</p>
          <FormProblems userErrors={test.userErrors} problem={test.problem} />
          <button type="button" className="button button--secondary" onClick={testConnection} disabled={test.busy}>
            {test.busy ? 'Testing…' : 'Test the connection'}
          </button>
          <h3>Use</h3>
          <FormProblems userErrors={use.userErrors} problem={use.problem} />
          {provider.status === 'ENABLED' ? (
            <>
              <label className="checkbox">
                <input type="checkbox" checked={provider.requireSingleSignOn} disabled={use.busy} onChange={(e) => changeUse(true, e.target.checked)} />
                <span>
                  <span className="checkbox__label">Require single sign-on</span>
                  <span className="checkbox__hint">Members cannot sign in with a password; platform admins keep theirs.</span>
                </span>
              </label>
              <button type="button" className="button button--secondary" onClick={() => changeUse(false, false)} disabled={use.busy}>
                Turn single sign-on off
              </button>
            </>
          ) : (
            <button type="button" className="button button--primary" onClick={() => changeUse(true, false)} disabled={use.busy || provider.status === 'UNTESTED'}>
              Turn single sign-on on
            </button>
          )}
        </div>
      )}
    </section>
  );
}

interface ProvisioningState {
  baseUrl: string;
  hasToken: boolean;
  tokenCreatedAt?: string | null;
  tokenLastUsedAt?: string | null;
}

function ProvisioningSection({ organisationId, provisioning }: { organisationId: string; provisioning: ProvisioningState }) {
  const [token, setToken] = useState<string | null>(null);
  const action = useFormAction();
  const [create] = useMutation(CreateTokenMutation, { refetchQueries: [SignInSettingsQuery] });
  const [revoke] = useMutation(RevokeTokenMutation, { refetchQueries: [SignInSettingsQuery] });

  async function makeToken() {
    const made = await action.run(() => create({ variables: { input: { organisationId } } }), (d) => d.createScimToken);
    if (made?.token) setToken(made.token);
  }

  async function revokeToken() {
    setToken(null);
    await action.run(() => revoke({ variables: { input: { organisationId } } }), (d) => d.revokeScimToken);
  }

  return (
    <section className="card" aria-labelledby="scim-heading">
      <h2 id="scim-heading">Provisioning (SCIM 2.0)</h2>
      <p>Your HR system or identity provider adds, updates and deactivates members. Deactivating someone removes their access at once.</p>
      <CopyLink label="SCIM base URL (tenant URL)" url={provisioning.baseUrl} noun="URL" afterCopy="Paste it into the provisioning settings." />
      <p>
        {provisioning.hasToken
          ? `A token is live (made ${formatDateTime(provisioning.tokenCreatedAt!)}${provisioning.tokenLastUsedAt ? `, last used ${formatDateTime(provisioning.tokenLastUsedAt)}` : ', not used yet'}).`
          : 'No token is live: the provisioning client is refused.'}
      </p>
      {token && <CopyLink label="New token: shown this once" url={token} noun="token" afterCopy="Paste it as the secret token; it will not be shown again." />}
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={makeToken} disabled={action.busy}>
          {provisioning.hasToken ? 'Replace the token' : 'Make a token'}
        </button>
        {provisioning.hasToken && (
          <button type="button" className="button button--secondary" onClick={revokeToken} disabled={action.busy}>
            Revoke the token
          </button>
        )}
      </div>
    </section>
  );
}
