import { useMutation } from '@apollo/client';
import { FormProblems } from '../../components/FormProblems';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';

const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Withdraws an invitation nobody has accepted: for a link sent to the wrong address, say. */
export function WithdrawInvitationButton({ invitation, onWithdrawn }: { invitation: { id: string; displayName: string }; onWithdrawn(message: string): void }) {
  const action = useFormAction();
  const [revoke] = useMutation(RevokeInvitationMutation, { refetchQueries: ['OrganisationMembers', 'MembershipAudit'], awaitRefetchQueries: true });

  async function withdraw() {
    const payload = await action.run(() => revoke({ variables: { input: { invitationId: invitation.id } } }), (data) => data.revokeInvitation);
    if (payload) onWithdrawn(`The invitation for ${invitation.displayName} is withdrawn: its link no longer works.`);
  }

  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={withdraw} disabled={action.busy}>
        Withdraw<span className="visually-hidden"> the invitation for {invitation.displayName}</span>
      </button>
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
    </>
  );
}
