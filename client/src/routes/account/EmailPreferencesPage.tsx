import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { MailDelivery, MailKind } from '../../gql/graphql';
import { useTitle } from '../../hooks/useTitle';

const MailPreferencesQuery = graphql(`
  query MailPreferences {
    viewer {
      mailPreferences {
        kind
        label
        delivery
        options
      }
    }
  }
`);

const SetMailPreferenceMutation = graphql(`
  mutation SetMailPreference($input: SetMailPreferenceInput!) {
    setMailPreference(input: $input) {
      preference {
        kind
        label
        delivery
        options
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const deliveryLabels: Record<MailDelivery, string> = {
  IMMEDIATE: 'At once',
  DAILY_DIGEST: 'In a daily summary',
  OFF: 'No email',
};

/** Each kind of email with its three (or two) choices; a choice is saved as soon as it is made. */
export function EmailPreferencesPage() {
  useTitle('Email preferences');
  const { data, loading, error, refetch } = useQuery(MailPreferencesQuery);
  const [save, saving] = useMutation(SetMailPreferenceMutation, { refetchQueries: ['MailPreferences'] });
  // The choice shows at once; the list is fetched again once it is saved.
  const [chosen, setChosen] = useState<Partial<Record<MailKind, MailDelivery>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function choose(kind: MailKind, label: string, delivery: MailDelivery) {
    setSaved(null);
    setProblem(null);
    setChosen((current) => ({ ...current, [kind]: delivery }));
    const result = await save({ variables: { input: { kind, delivery } } });
    const errors = result.data?.setMailPreference.userErrors ?? [];
    if (errors.length) {
      setProblem(errors[0].message);
      setChosen((current) => ({ ...current, [kind]: undefined }));
    }
    else setSaved(`Saved: ${label} – ${deliveryLabels[delivery].toLowerCase()}.`);
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Email preferences</h1>
        <p className="page-header__sub">
          Choose how you hear about each kind of thing outside the app. Notifications in the app stay as they are. Daily summaries arrive in the morning where your
          organisation is. <Link to="/account">Back to your account</Link>
        </p>
      </div>
      <p role="status" className={saved ? 'notice notice--success' : 'visually-hidden'}>
        {saved}
      </p>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {saving.error && <ProblemMessage error={saving.error} />}
      {loading && !data && <p className="loading">Loading your choices…</p>}
      {data && (
        <section className="card" aria-labelledby="kinds-heading">
          <h2 id="kinds-heading">Emails</h2>
          {data.viewer!.mailPreferences.map((preference) => (
            <fieldset key={preference.kind} className="field checkboxes">
              <legend>{preference.label}</legend>
              {preference.options.map((option) => (
                <label key={option} className="checkbox">
                  <input
                    type="radio"
                    name={preference.kind}
                    value={option}
                    checked={(chosen[preference.kind] ?? preference.delivery) === option}
                    disabled={saving.loading}
                    onChange={() => void choose(preference.kind, preference.label, option)}
                  />{' '}
                  {deliveryLabels[option]}
                </label>
              ))}
            </fieldset>
          ))}
        </section>
      )}
    </div>
  );
}
