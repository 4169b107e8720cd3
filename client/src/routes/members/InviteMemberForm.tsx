import { useMutation } from '@apollo/client';
import { useId, useState, type FormEvent } from 'react';
import { CopyLink } from '../../components/CopyLink';
import { ErrorSummary, fieldError, TextField, type UserErrorLike } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { allRoles, roleDescriptions, roleLabels } from '../../labels';

const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      issued {
        acceptUrl
        invitation {
          id
          email
          displayName
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const empty = { email: '', displayName: '', jobTitle: '', division: '' };

/** For programme managers: invite someone with roles, then copy the link to send them. */
export function InviteMemberForm({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const rolesId = useId();
  const [values, setValues] = useState(empty);
  const [roles, setRoles] = useState<Role[]>(['CO_LEARNER']);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [issued, setIssued] = useState<{ acceptUrl: string; email: string; displayName: string } | null>(null);
  const [invite, { loading, error }] = useMutation(InviteMemberMutation, { refetchQueries: ['OrganisationMembers', 'MembershipAudit'] });

  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function toggleRole(role: Role, checked: boolean) {
    setRoles((current) => (checked ? [...current, role] : current.filter((r) => r !== role)));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (roles.length === 0) {
      setUserErrors([{ field: ['input', 'roles'], message: 'Choose at least one role.' }]);
      return;
    }
    setUserErrors([]);
    setIssued(null);
    const result = await invite({
      variables: {
        input: {
          organisationId,
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          roles,
          jobTitle: values.jobTitle.trim() || null,
          division: values.division.trim() || null,
        },
      },
    }).catch(() => null);
    const payload = result?.data?.inviteMember;
    if (!payload) return;
    if (payload.userErrors.length > 0 || !payload.issued) {
      setUserErrors(payload.userErrors.length ? payload.userErrors : [{ message: 'The invitation was not created. Please try again.' }]);
      return;
    }
    setIssued({ acceptUrl: payload.issued.acceptUrl, email: payload.issued.invitation.email, displayName: payload.issued.invitation.displayName });
    setValues(empty);
    setRoles(['CO_LEARNER']);
  }

  const rolesError = fieldError(userErrors, 'roles');

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">Invite someone to {organisationName}</h2>
      <p className="muted">Common Ground does not send email: you get a link to send them yourself. It works once.</p>

      {issued && (
        <div className="notice notice--success" role="status">
          <p>
            <strong>{issued.displayName}</strong> ({issued.email}) is invited.
          </p>
          <CopyLink label="Invitation link" url={issued.acceptUrl} />
        </div>
      )}

      <form onSubmit={handleSubmit} noValidate className="form-grid">
        <TextField label="Email" type="email" name="email" autoComplete="off" required value={values.email} onChange={set('email')} error={fieldError(userErrors, 'email')} />
        <TextField label="Name" name="displayName" autoComplete="off" required value={values.displayName} onChange={set('displayName')} error={fieldError(userErrors, 'displayName')} />
        <TextField label="Job title" name="jobTitle" autoComplete="off" value={values.jobTitle} onChange={set('jobTitle')} error={fieldError(userErrors, 'jobTitle')} />
        <TextField label="Division" name="division" autoComplete="off" value={values.division} onChange={set('division')} error={fieldError(userErrors, 'division')} />
        <fieldset className="field field--wide checkboxes" aria-describedby={rolesError ? `${rolesId}-error` : undefined}>
          <legend>Roles</legend>
          {allRoles.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={(event) => toggleRole(role, event.target.checked)} />
              <span>
                <span className="checkbox__label">{roleLabels[role]}</span>
                <span className="checkbox__hint">{roleDescriptions[role]}</span>
              </span>
            </label>
          ))}
          {rolesError && (
            <p className="field__error" id={`${rolesId}-error`}>
              {rolesError}
            </p>
          )}
        </fieldset>
        <div className="field--wide">
          <ErrorSummary errors={userErrors} />
          {error && <ProblemMessage error={error} />}
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Inviting…' : 'Create invitation'}
          </button>
        </div>
      </form>
    </section>
  );
}
