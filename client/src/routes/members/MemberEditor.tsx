import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { CheckboxGroup, fieldError, SelectField, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { allRoles, roleDescriptions, roleLabels } from '../../labels';

const UpdateMembershipMutation = graphql(`
  mutation UpdateMembership($input: UpdateMembershipInput!) {
    updateMembership(input: $input) {
      membership {
        id
        roles
        jobTitle
        division
        grade
        lineManager {
          id
          person {
            id
            displayName
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedMembershipId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const roleOptions = allRoles.map((role) => ({ value: role, label: roleLabels[role], hint: roleDescriptions[role] }));

export interface EditableMember {
  id: string;
  roles: readonly Role[];
  jobTitle?: string | null;
  division?: string | null;
  grade?: number | null;
  lineManager?: { id: string; person: { displayName: string } } | null;
  person: { displayName: string };
}

/**
 * For programme managers: a member's roles, job title and division, and removing them from the
 * organisation. The server refuses what would strand a pair, a change or the organisation.
 */
export function MemberEditor({
  member,
  colleagues,
  organisationName,
  onDone,
}: {
  member: EditableMember;
  /** Who may be chosen as line manager: the members listed on the page. */
  colleagues: readonly (EditableMember & { id: string })[];
  organisationName: string;
  onDone(message: string): void;
}) {
  const name = member.person.displayName;
  const [roles, setRoles] = useState<Role[]>([...member.roles]);
  const [jobTitle, setJobTitle] = useState(member.jobTitle ?? '');
  const [division, setDivision] = useState(member.division ?? '');
  const [grade, setGrade] = useState(member.grade?.toString() ?? '');
  const [lineManagerId, setLineManagerId] = useState(member.lineManager?.id ?? '');
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const save = useFormAction();
  const removal = useFormAction();
  // The viewer too: a manager may have changed their own roles.
  const [update] = useMutation(UpdateMembershipMutation, { refetchQueries: ['MembershipAudit', 'Viewer'] });
  const [remove] = useMutation(RemoveMemberMutation, { refetchQueries: ['OrganisationMembers', 'MembershipAudit'], awaitRefetchQueries: true });

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    if (roles.length === 0) return save.fail([{ field: ['input', 'roles'], message: 'Choose at least one role.' }]);
    const gradeNumber = grade.trim() === '' ? null : Number(grade);
    if (gradeNumber !== null && !(Number.isInteger(gradeNumber) && gradeNumber >= 1 && gradeNumber <= 20)) {
      return save.fail([{ field: ['input', 'grade'], message: 'Give a grade from 1 (most junior) to 20 (most senior).' }]);
    }
    const input = { membershipId: member.id, roles, jobTitle: jobTitle.trim() || null, division: division.trim() || null, grade: gradeNumber, lineManagerId: lineManagerId || null };
    const saved = await save.run(() => update({ variables: { input } }), (data) => data.updateMembership);
    if (saved) onDone(`${name}'s roles and details are saved.`);
  }

  async function handleRemove() {
    const removed = await removal.run(() => remove({ variables: { input: { membershipId: member.id } } }), (data) => data.removeMember);
    if (removed) onDone(`${name} is no longer a member of ${organisationName}.`);
  }

  return (
    <div className="member-editor">
      <form onSubmit={handleSave} noValidate className="form-grid" aria-label={`Edit ${name}`}>
        <TextField label="Job title" value={jobTitle} onChange={(event) => setJobTitle(event.target.value)} error={fieldError(save.userErrors, 'jobTitle')} />
        <TextField label="Division" value={division} onChange={(event) => setDivision(event.target.value)} error={fieldError(save.userErrors, 'division')} />
        <TextField
          label="Grade"
          hint="1 (most junior) to 20 (most senior); the matching assistant pairs by it."
          inputMode="numeric"
          value={grade}
          onChange={(event) => setGrade(event.target.value)}
          error={fieldError(save.userErrors, 'grade')}
        />
        <SelectField label="Line manager" value={lineManagerId} onChange={(event) => setLineManagerId(event.target.value)} error={fieldError(save.userErrors, 'lineManagerId')}>
          <option value="">No line manager</option>
          {[...(member.lineManager && !colleagues.some((c) => c.id === member.lineManager?.id) ? [member.lineManager] : []), ...colleagues]
            .filter((colleague) => colleague.id !== member.id)
            .map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.person.displayName}
              </option>
            ))}
        </SelectField>
        <CheckboxGroup legend="Roles" className="field--wide" options={roleOptions} value={roles} onChange={setRoles} error={fieldError(save.userErrors, 'roles')} />
        <div className="field--wide">
          <FormProblems userErrors={save.userErrors} problem={save.problem} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={save.busy}>
              {save.busy ? 'Saving…' : 'Save changes'}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onDone('')}>
              Cancel
            </button>
          </div>
        </div>
      </form>

      <div className="member-editor__danger">
        {confirmingRemoval ? (
          <div role="group" aria-label={`Remove ${name}`}>
            <p>
              Remove <strong>{name}</strong> from {organisationName}? They lose access at once; what they wrote stays.
            </p>
            <FormProblems userErrors={removal.userErrors} problem={removal.problem} />
            <div className="actions">
              <button type="button" className="button button--danger-quiet" onClick={handleRemove} disabled={removal.busy}>
                {removal.busy ? 'Removing…' : `Yes, remove ${name}`}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirmingRemoval(false)}>
                Keep {name}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button--link" onClick={() => setConfirmingRemoval(true)}>
            Remove {name} from {organisationName}…
          </button>
        )}
      </div>
    </div>
  );
}
