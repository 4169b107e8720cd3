import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CopyLink } from '../components/CopyLink';
import { ErrorSummary, fieldError, SelectField, TextField, type UserErrorLike } from '../components/forms';
import { ProblemMessage } from '../components/ProblemMessage';
import { ShowMore } from '../components/ShowMore';
import { graphql } from '../gql';
import type { Sector } from '../gql/graphql';
import { useShowMore } from '../hooks/useShowMore';
import { useTitle } from '../hooks/useTitle';
import { allSectors, formatDate, sectorLabels } from '../labels';

const OrganisationsQuery = graphql(`
  query Organisations($after: String) {
    organisations(first: 50, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          name
          slug
          sector
          country
          createdAt
        }
      }
    }
  }
`);

const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation {
        id
        name
      }
      managerInvitation {
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

/** "Northshore Health NHS Trust" → "northshore-health-nhs-trust". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** For platform admins: every organisation, and a form to create one with its first programme manager. */
export function OrganisationsPage() {
  useTitle('Organisations');
  const { data, loading, error, refetch, fetchMore } = useQuery(OrganisationsQuery);
  const { loadingMore, more } = useShowMore(data?.organisations.pageInfo.endCursor, fetchMore);
  const organisations = data?.organisations.edges.map((edge) => edge.node) ?? [];


  return (
    <div className="page">
      <div className="page-header">
        <h1>Organisations</h1>
        <p className="page-header__sub">Create an organisation and invite its first programme manager.</p>
      </div>

      <CreateOrganisationForm />

      <section className="card" aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">
          All organisations {data && <span className="count">{data.organisations.totalCount}</span>}
        </h2>
        {loading && !data && <p className="loading">Loading organisations…</p>}
        {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
        {organisations.length > 0 && (
          <table className="table table--stack">
            <caption className="visually-hidden">Organisations on Common Ground</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Sector</th>
                <th scope="col">Country</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((org) => (
                <tr key={org.id}>
                  <th scope="row" data-label="Name">
                    <span className="person-name">{org.name}</span>
                    <span className="person-email">{org.slug}</span>
                    <Link to={`/organisations/${encodeURIComponent(org.id)}/sign-in`}>Sign-in settings</Link>
                  </th>
                  <td data-label="Sector">{sectorLabels[org.sector]}</td>
                  <td data-label="Country">{org.country}</td>
                  <td data-label="Created">{formatDate(org.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data && <ShowMore shown={organisations.length} total={data.organisations.totalCount} loading={loadingMore} onMore={more} noun="organisations" />}
      </section>
    </div>
  );
}

const empty = { name: '', slug: '', country: 'GB', managerName: '', managerEmail: '', managerJobTitle: '' };

function CreateOrganisationForm() {
  const [values, setValues] = useState(empty);
  const [sector, setSector] = useState<Sector>('HEALTH');
  const [slugEdited, setSlugEdited] = useState(false);
  const [userErrors, setUserErrors] = useState<readonly UserErrorLike[]>([]);
  const [created, setCreated] = useState<{ name: string; acceptUrl: string; managerName: string; managerEmail: string } | null>(null);
  const [create, { loading, error }] = useMutation(CreateOrganisationMutation, { refetchQueries: ['Organisations'] });

  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) =>
    setValues((current) => {
      const next = { ...current, [key]: event.target.value };
      if (key === 'name' && !slugEdited) next.slug = slugify(event.target.value);
      return next;
    });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setUserErrors([]);
    setCreated(null);
    const result = await create({
      variables: {
        input: {
          name: values.name.trim(),
          slug: values.slug.trim(),
          sector,
          country: values.country.trim().toUpperCase(),
          firstManager: {
            displayName: values.managerName.trim(),
            email: values.managerEmail.trim(),
            jobTitle: values.managerJobTitle.trim() || null,
          },
        },
      },
    }).catch(() => null);
    const payload = result?.data?.createOrganisation;
    if (!payload) return;
    if (payload.userErrors.length > 0 || !payload.organisation || !payload.managerInvitation) {
      setUserErrors(payload.userErrors.length ? payload.userErrors : [{ message: 'The organisation was not created. Please try again.' }]);
      return;
    }
    setCreated({
      name: payload.organisation.name,
      acceptUrl: payload.managerInvitation.acceptUrl,
      managerName: payload.managerInvitation.invitation.displayName,
      managerEmail: payload.managerInvitation.invitation.email,
    });
    setValues(empty);
    setSlugEdited(false);
  }

  return (
    <section className="card" aria-labelledby="create-org-heading">
      <h2 id="create-org-heading">New organisation</h2>

      {created && (
        <div className="notice notice--success" role="status">
          <p>
            <strong>{created.name}</strong> is created. Send this link to {created.managerName} ({created.managerEmail}) so
            they can set up their account as its programme manager.
          </p>
          <CopyLink label="Programme manager's invitation link" url={created.acceptUrl} />
        </div>
      )}

      <form onSubmit={handleSubmit} noValidate className="form-grid">
        <TextField label="Name" name="name" required autoComplete="off" value={values.name} onChange={set('name')} error={fieldError(userErrors, 'name')} />
        <TextField
          label="Short name for links"
          name="slug"
          required
          autoComplete="off"
          hint="Lower-case letters, digits and dashes."
          value={values.slug}
          onChange={(event) => {
            setSlugEdited(true);
            set('slug')(event);
          }}
          error={fieldError(userErrors, 'slug')}
        />
        <SelectField label="Sector" value={sector} onChange={(event) => setSector(event.target.value as Sector)} error={fieldError(userErrors, 'sector')}>
          {allSectors.map((value) => (
            <option key={value} value={value}>
              {sectorLabels[value]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Country"
          name="country"
          required
          autoComplete="off"
          hint="Two-letter code, such as GB."
          maxLength={2}
          value={values.country}
          onChange={set('country')}
          error={fieldError(userErrors, 'country')}
        />
        <fieldset className="field--wide subform">
          <legend>First programme manager</legend>
          <div className="form-grid">
            <TextField label="Name" name="managerName" required autoComplete="off" value={values.managerName} onChange={set('managerName')} error={fieldError(userErrors, 'firstManager.displayName')} />
            <TextField label="Email" type="email" name="managerEmail" required autoComplete="off" value={values.managerEmail} onChange={set('managerEmail')} error={fieldError(userErrors, 'firstManager.email')} />
            <TextField label="Job title" name="managerJobTitle" autoComplete="off" value={values.managerJobTitle} onChange={set('managerJobTitle')} error={fieldError(userErrors, 'firstManager.jobTitle')} />
          </div>
        </fieldset>
        <div className="field--wide">
          <ErrorSummary errors={userErrors} />
          {error && <ProblemMessage error={error} />}
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? 'Creating…' : 'Create organisation'}
          </button>
        </div>
      </form>
    </section>
  );
}
