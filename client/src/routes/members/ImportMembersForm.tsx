import { useMutation } from '@apollo/client';
import { useState, type ChangeEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { TextAreaField } from '../../components/forms';
import { graphql } from '../../gql';
import type { ImportMembersMutation } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { roleList } from '../../labels';

const ImportMembers = graphql(`
  mutation ImportMembers($input: ImportMembersInput!) {
    importMembers(input: $input) {
      imported
      created
      updated
      rows {
        line
        email
        name
        jobTitle
        division
        grade
        lineManagerEmail
        roles
        action
        problems {
          column
          message
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Result = ImportMembersMutation['importMembers'];

const columnLabels: Record<string, string> = {
  email: 'Email',
  name: 'Name',
  jobTitle: 'Job title',
  division: 'Division',
  grade: 'Grade',
  lineManagerEmail: 'Line manager',
  roles: 'Roles',
};

/**
 * For programme managers: people from an HR export. The file is checked first (a dry run that shows
 * every row and its problems); importing then adds everyone and invites the newcomers, or nobody.
 */
export function ImportMembersForm({ organisationId }: { organisationId: string }) {
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [checked, setChecked] = useState<Result | null>(null);
  const [done, setDone] = useState('');
  const check = useFormAction();
  const commit = useFormAction();
  const [importMembers] = useMutation(ImportMembers, { refetchQueries: ['OrganisationMembers', 'MembershipAudit'], awaitRefetchQueries: true });

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setChecked(null);
  }

  async function runCheck() {
    setDone('');
    const result = await check.run(() => importMembers({ variables: { input: { organisationId, csv, dryRun: true } } }), (data) => data.importMembers);
    setChecked(result);
  }

  async function runImport() {
    const result = await commit.run(() => importMembers({ variables: { input: { organisationId, csv, dryRun: false } } }), (data) => data.importMembers);
    if (result?.imported) {
      setDone(`Imported ${result.rows.length} ${result.rows.length === 1 ? 'person' : 'people'}: ${result.created} invited by email, ${result.updated} updated.`);
      setChecked(null);
      setCsv('');
      setFileName('');
    }
  }

  const faulty = checked?.rows.filter((row) => row.problems.length > 0).length ?? 0;

  return (
    <section className="card" aria-labelledby="import-heading">
      <div className="card-header">
        <h2 id="import-heading">Import from CSV</h2>
        <button type="button" className="button button--secondary button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Close the import' : 'Import people from a CSV file'}
        </button>
      </div>
      <p role="status" className={done ? 'notice notice--success' : 'visually-hidden'}>
        {done}
      </p>
      {open && (
        <div className="form-grid">
          <p className="field--wide">
            One row per person: email, name, job title, division, grade (1 most junior to 20 most senior), line manager's email and roles
            (CO_LEARNER, OWNER, PROGRAMME_MANAGER, COMMUNITY_MEMBER, separated by semicolons). New people are invited by email; people who
            are already members get the details the file gives, and its roles are added to theirs.{' '}
            <a href="/templates/member-import.csv" download>
              Download the template (CSV)
            </a>
          </p>
          <div className="field field--wide">
            <label htmlFor="import-file">CSV file</label>
            <input id="import-file" type="file" accept=".csv,text/csv" onChange={readFile} />
            {fileName && <p className="field__hint">{fileName} is loaded below.</p>}
          </div>
          <TextAreaField
            label="Or paste the CSV"
            className="field--wide"
            rows={6}
            value={csv}
            onChange={(event) => {
              setCsv(event.target.value);
              setChecked(null);
            }}
          />
          <div className="field--wide">
            <FormProblems userErrors={check.userErrors} problem={check.problem} />
            <div className="actions">
              <button type="button" className="button button--primary" onClick={runCheck} disabled={check.busy || !csv.trim()}>
                {check.busy ? 'Checking…' : 'Check the file'}
              </button>
            </div>
          </div>
        </div>
      )}
      {open && checked && (
        <div>
          <h3>
            {checked.rows.length} rows: {checked.created} new, {checked.updated} already members
            {faulty > 0 ? `, ${faulty} with problems` : ''}
          </h3>
          {faulty > 0 ? (
            <p className="notice notice--problem">Fix the rows marked below and check the file again: nothing is imported while any row has a problem.</p>
          ) : (
            <div className="actions">
              <FormProblems userErrors={commit.userErrors} problem={commit.problem} />
              <button type="button" className="button button--primary" onClick={runImport} disabled={commit.busy}>
                {commit.busy ? 'Importing…' : `Import ${checked.rows.length} ${checked.rows.length === 1 ? 'person' : 'people'}`}
              </button>
            </div>
          )}
          <table className="table table--stack">
            <caption className="visually-hidden">What the import does with each row</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Person</th>
                <th scope="col">Division and grade</th>
                <th scope="col">Line manager</th>
                <th scope="col">Roles</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {checked.rows.map((row) => (
                <tr key={row.line}>
                  <td data-label="Line">{row.line}</td>
                  <th scope="row" data-label="Person">
                    <span className="person-name">{row.name || '—'}</span>
                    <span className="person-email">{row.email}</span>
                  </th>
                  <td data-label="Division and grade">
                    {row.division ?? '—'}
                    {row.grade !== null && row.grade !== undefined ? ` · grade ${row.grade}` : ''}
                  </td>
                  <td data-label="Line manager">{row.lineManagerEmail ?? '—'}</td>
                  <td data-label="Roles">{roleList(row.roles)}</td>
                  <td data-label="Result">
                    {row.problems.length === 0 ? (
                      row.action === 'CREATE' ? 'Add and invite' : 'Update'
                    ) : (
                      <ul className="import-problems">
                        {row.problems.map((problem, i) => (
                          <li key={i}>
                            <strong>{problem.column ? columnLabels[problem.column] : 'Row'}:</strong> {problem.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
