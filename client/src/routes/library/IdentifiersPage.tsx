import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { SelectField, TextField, fieldError } from '../../components/forms';
import { graphql } from '../../gql';
import type { IdentifierKind } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';

const IdentifiersQuery = graphql(`
  query OrganisationIdentifiers($organisationId: ID!) {
    node(id: $organisationId) {
      __typename
      id
      ... on Organisation {
        name
        viewerCanManageIdentifiers
        identifiers(first: 100) {
          totalCount
          nodes { id kind value }
        }
      }
    }
  }
`);

const AddMutation = graphql(`
  mutation AddOrganisationIdentifier($input: AddOrganisationIdentifierInput!) {
    addOrganisationIdentifier(input: $input) {
      identifier { id kind value }
      userErrors { ...UserErrorFields }
    }
  }
`);

const RemoveMutation = graphql(`
  mutation RemoveOrganisationIdentifier($input: RemoveOrganisationIdentifierInput!) {
    removeOrganisationIdentifier(input: $input) {
      removedIdentifierId
      userErrors { ...UserErrorFields }
    }
  }
`);

export const identifierKindLabels: Record<IdentifierKind, string> = {
  SHORT_FORM: 'Short form',
  ALIAS: 'Other name',
  SITE: 'Site',
  WARD: 'Ward or unit',
  DEPARTMENT: 'Department',
};

/**
 * What identifies the organisation besides its name: the redaction assistant flags every entry in
 * cases, and the library's search never finds the organisation's cases by its names. Programme
 * managers keep the list; other members read it.
 */
export function IdentifiersPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('What identifies us');
  const organisationId = viewer.organisation?.id ?? viewer.memberships[0]?.organisation.id ?? '';
  const { data, loading, error } = useQuery(IdentifiersQuery, { variables: { organisationId }, skip: !organisationId });
  const organisation = data?.node?.__typename === 'Organisation' ? data.node : null;
  const [kind, setKind] = useState<IdentifierKind>('SHORT_FORM');
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const action = useFormAction();
  const [add] = useMutation(AddMutation, { refetchQueries: ['OrganisationIdentifiers'], awaitRefetchQueries: true });
  const [remove] = useMutation(RemoveMutation, { refetchQueries: ['OrganisationIdentifiers'], awaitRefetchQueries: true });

  async function handleAdd(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const payload = await action.run(() => add({ variables: { input: { organisationId, kind, value } } }), (result) => result.addOrganisationIdentifier);
    if (payload?.identifier) {
      setNotice(`“${payload.identifier.value}” is on the list: the assistant flags it in every case not yet published.`);
      setValue('');
    }
  }

  async function handleRemove(identifier: { id: string; value: string }) {
    setNotice(null);
    const payload = await action.run(() => remove({ variables: { input: { identifierId: identifier.id } } }), (result) => result.removeOrganisationIdentifier);
    if (payload) setNotice(`“${identifier.value}” is off the list.`);
  }

  return (
    <div className="page">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/library">Library</Link>
        </p>
        <h1>What identifies us</h1>
        <p className="page-header__sub">
          Names, short forms, sites, wards and departments that would tell a reader which organisation a case comes from. The redaction assistant
          flags each of them, and the name of every member, before a case is published; searching the library for one of your names never finds
          your cases.
        </p>
      </div>
      <FormProblems userErrors={[]} problem={error ?? null} />
      {loading && <p className="muted">Loading…</p>}
      {organisation && (
        <section className="card" aria-labelledby="identifiers-heading">
          <h2 id="identifiers-heading">{organisation.name}</h2>
          <p className="muted">The organisation's own name is always on the list, and so is each distinctive word of it.</p>
          {organisation.identifiers.nodes.length === 0 ? (
            <p>Nothing else is on the list yet.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">As written</th>
                  {organisation.viewerCanManageIdentifiers && <th scope="col"><span className="visually-hidden">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {organisation.identifiers.nodes.map((identifier) => (
                  <tr key={identifier.id}>
                    <td data-label="What">{identifierKindLabels[identifier.kind]}</td>
                    <td data-label="As written">{identifier.value}</td>
                    {organisation.viewerCanManageIdentifiers && (
                      <td>
                        <button type="button" className="button button--quiet button--small" disabled={action.busy} onClick={() => handleRemove(identifier)}>
                          Remove<span className="visually-hidden"> {identifier.value}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {notice && (
            <div className="notice notice--success" role="status">
              <p>{notice}</p>
            </div>
          )}
          {organisation.viewerCanManageIdentifiers && (
            <form onSubmit={handleAdd} noValidate className="form-grid" aria-label="Add to the list">
              <SelectField label="What it is" value={kind} onChange={(event) => setKind(event.target.value as IdentifierKind)}>
                {(Object.keys(identifierKindLabels) as IdentifierKind[]).map((k) => (
                  <option key={k} value={k}>
                    {identifierKindLabels[k]}
                  </option>
                ))}
              </SelectField>
              <TextField label="As people write it" required value={value} onChange={(event) => setValue(event.target.value)} error={fieldError(action.userErrors, 'value')} />
              <div className="field--wide">
                <FormProblems userErrors={action.userErrors} problem={action.problem} />
                <button type="submit" className="button button--primary" disabled={action.busy}>
                  Add to the list
                </button>
              </div>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
