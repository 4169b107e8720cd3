import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, SelectField, type UserErrorLike } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { AnswerInput, LikertAnswer, QuestionnaireFieldsFragment } from '../../gql/graphql';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { formatDate } from '../../labels';
import { likertLabels, likertScale } from './insight-labels';
import { ResultsTable } from './ResultsTable';

const QuestionnairesQuery = graphql(`
  query Questionnaires {
    questionnaires(first: 50) {
      nodes {
        ...QuestionnaireFields
        results {
          ...ResultsFields
        }
      }
    }
  }
`);

const ManagedProgrammesQuery = graphql(`
  query ManagedProgrammes($organisationId: ID) {
    organisationDashboard(organisationId: $organisationId) {
      programmes {
        programmeId
        name
      }
    }
  }
`);

const OpenQuestionnaire = graphql(`
  mutation OpenQuestionnaire($input: OpenQuestionnaireInput!) {
    openQuestionnaire(input: $input) {
      questionnaire {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CloseQuestionnaire = graphql(`
  mutation CloseQuestionnaire($input: CloseQuestionnaireInput!) {
    closeQuestionnaire(input: $input) {
      questionnaire {
        id
        status
        closedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SubmitResponse = graphql(`
  mutation SubmitQuestionnaireResponse($input: SubmitQuestionnaireResponseInput!) {
    submitQuestionnaireResponse(input: $input) {
      questionnaire {
        id
        viewerHasResponded
        viewerCanRespond
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** End-of-programme questionnaires: managers open, close and read them; co-learners answer once. */
export function QuestionnairesPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Questionnaires');
  const managed = viewer.memberships.find((m) => m.roles.includes('PROGRAMME_MANAGER'));
  const { data, loading, error, refetch } = useQuery(QuestionnairesQuery);
  const list = data?.questionnaires.nodes ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <h1>Questionnaires</h1>
        <p className="page-header__sub">The end-of-programme evaluation. Answers are anonymous: results are shown only in aggregate, for groups of five or more.</p>
      </div>
      {managed && <OpenForm organisationId={managed.organisation.id} existing={list.map((q) => q.programmeId)} onOpened={() => refetch()} />}
      {error && !data && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {loading && !data && <p className="loading">Loading…</p>}
      {data && list.length === 0 && <p className="card">There is no questionnaire for you yet.</p>}
      {list.map((q) => (
        <section key={q.id} className="card">
          <h2>{q.title}</h2>
          <p className="muted">
            {q.programmeName} · opened {formatDate(q.openedAt)}
            {q.closedAt ? ` · closed ${formatDate(q.closedAt)}` : ' · open for answers'}
          </p>
          {q.viewerCanRespond && <AnswerForm questionnaire={q} />}
          {q.viewerHasResponded && <p className="notice">Thank you: your answers are in. Nobody can see which answers were yours.</p>}
          {q.viewerCanManage && <ManagePanel id={q.id} open={q.status === 'OPEN'} />}
          {q.results && <ResultsTable results={q.results} />}
        </section>
      ))}
    </div>
  );
}

function OpenForm({ organisationId, existing, onOpened }: { organisationId: string; existing: string[]; onOpened: () => void }) {
  const { data } = useQuery(ManagedProgrammesQuery, { variables: { organisationId } });
  const [programmeId, setProgrammeId] = useState('');
  const [open, { loading }] = useMutation(OpenQuestionnaire);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const choices = (data?.organisationDashboard.programmes ?? []).filter((p) => !existing.includes(p.programmeId));
  if (choices.length === 0) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await open({ variables: { input: { programmeId: programmeId || choices[0].programmeId } } });
    const payload = result.data?.openQuestionnaire;
    setErrors(payload?.userErrors ?? []);
    if (payload?.questionnaire) onOpened();
  }
  return (
    <form className="card form-inline" onSubmit={submit}>
      <h2>Open the end-of-programme questionnaire</h2>
      <ErrorSummary errors={errors} />
      <SelectField label="Programme" value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
        {choices.map((p) => (
          <option key={p.programmeId} value={p.programmeId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={loading}>
        Open questionnaire
      </button>
    </form>
  );
}

function ManagePanel({ id, open }: { id: string; open: boolean }) {
  const [close, { loading }] = useMutation(CloseQuestionnaire);
  if (!open) return null;
  return (
    <p>
      <button type="button" className="button button--secondary button--small" disabled={loading} onClick={() => close({ variables: { input: { questionnaireId: id } } })}>
        Close the questionnaire
      </button>
    </p>
  );
}

function AnswerForm({ questionnaire }: { questionnaire: QuestionnaireFieldsFragment }) {
  const [likert, setLikert] = useState<Record<string, LikertAnswer>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [submit, { loading }] = useMutation(SubmitResponse);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const answers = questionnaire.questions.flatMap((q): AnswerInput[] =>
      q.kind === 'LIKERT' ? (likert[q.key] ? [{ questionKey: q.key, likert: likert[q.key] }] : []) : texts[q.key]?.trim() ? [{ questionKey: q.key, text: texts[q.key] }] : [],
    );
    const result = await submit({ variables: { input: { questionnaireId: questionnaire.id, answers } } });
    setErrors(result.data?.submitQuestionnaireResponse.userErrors ?? []);
  }
  return (
    <form onSubmit={onSubmit} className="questionnaire">
      <ErrorSummary errors={errors} />
      {questionnaire.questions.map((q) =>
        q.kind === 'LIKERT' ? (
          <fieldset key={q.key} className="likert">
            <legend>{q.prompt}</legend>
            {likertScale.map((value) => (
              <label key={value} className="likert__option">
                <input type="radio" name={q.key} value={value} checked={likert[q.key] === value} onChange={() => setLikert((l) => ({ ...l, [q.key]: value }))} required />
                {likertLabels[value]}
              </label>
            ))}
          </fieldset>
        ) : (
          <div key={q.key} className="field">
            <label htmlFor={`answer-${q.key}`}>{q.prompt} (optional)</label>
            <textarea id={`answer-${q.key}`} rows={3} maxLength={2000} value={texts[q.key] ?? ''} onChange={(e) => setTexts((t) => ({ ...t, [q.key]: e.target.value }))} />
          </div>
        ),
      )}
      <button type="submit" className="button button--primary" disabled={loading}>
        Send my answers
      </button>
    </form>
  );
}
