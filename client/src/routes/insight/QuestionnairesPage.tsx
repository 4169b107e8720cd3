import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { CheckboxGroup, ErrorSummary, fieldError, RadioGroup, SelectField, TextField, type UserErrorLike } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { AnswerInput, LikertAnswer, QuestionKind, QuestionnaireFieldsFragment, QuestionnairePhase } from '../../gql/graphql';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { formatDate } from '../../labels';
import { ComparisonTable } from './ComparisonTable';
import { likertLabels, likertScale, phaseLabels, phases } from './insight-labels';
import { ResultsTable } from './ResultsTable';

const QuestionBankQuery = graphql(`
  query QuestionBank($organisationId: ID) {
    questionBank(organisationId: $organisationId) {
      id
      kind
      prompt
      standard
    }
  }
`);

const AddBankQuestion = graphql(`
  mutation AddBankQuestion($input: AddBankQuestionInput!) {
    addBankQuestion(input: $input) {
      question {
        id
        kind
        prompt
        standard
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ComparisonQuery = graphql(`
  query QuestionnaireComparison($from: ID!, $to: ID!) {
    questionnaireComparison(fromQuestionnaireId: $from, toQuestionnaireId: $to) {
      ...ComparisonFields
    }
  }
`);

const kindHints: Record<QuestionKind, string> = {
  LIKERT: 'Agreement, strongly disagree to strongly agree: compared between questionnaires',
  TEXT: 'A written answer, optional',
};

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

/** Questionnaires over a programme (baseline, mid-point, closing): managers open, close, read and compare them; co-learners answer each once. */
export function QuestionnairesPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Questionnaires');
  const managed = viewer.memberships.find((m) => m.roles.includes('PROGRAMME_MANAGER'));
  const { data, loading, error, refetch } = useQuery(QuestionnairesQuery);
  const list = data?.questionnaires.nodes ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <h1>Questionnaires</h1>
        <p className="page-header__sub">
          The programme’s evaluation, at the start, halfway and at the end. Answers are anonymous: results are shown only in aggregate, for groups of five or more.
        </p>
      </div>
      {managed && <OpenForm organisationId={managed.organisation.id} existing={list} onOpened={() => refetch()} />}
      {managed && <QuestionBankPanel organisationId={managed.organisation.id} />}
      {managed && <ComparePanel questionnaires={list.filter((q) => q.viewerCanManage)} />}
      {error && !data && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {loading && !data && <p className="loading">Loading…</p>}
      {data && list.length === 0 && <p className="card">There is no questionnaire for you yet.</p>}
      {list.map((q) => (
        <section key={q.id} className="card">
          <h2>{q.title}</h2>
          <p className="muted">
            {phaseLabels[q.phase]} · {q.programmeName} · opened {formatDate(q.openedAt)}
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

function OpenForm({ organisationId, existing, onOpened }: { organisationId: string; existing: QuestionnaireFieldsFragment[]; onOpened: () => void }) {
  const { data } = useQuery(ManagedProgrammesQuery, { variables: { organisationId } });
  const bank = useQuery(QuestionBankQuery, { variables: { organisationId } });
  const [programmeId, setProgrammeId] = useState('');
  const [phase, setPhase] = useState<QuestionnairePhase | ''>('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [open, { loading }] = useMutation(OpenQuestionnaire);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const phasesLeft = (id: string) => phases.filter((p) => !existing.some((q) => q.programmeId === id && q.phase === p));
  const choices = (data?.organisationDashboard.programmes ?? []).filter((p) => phasesLeft(p.programmeId).length > 0);
  const questions = bank.data?.questionBank ?? [];
  if (choices.length === 0) return null;
  const programme = choices.find((p) => p.programmeId === programmeId) ?? choices[0];
  const left = phasesLeft(programme.programmeId);
  const selectedPhase = phase && left.includes(phase) ? phase : left[0];
  const selected = chosen ?? questions.filter((q) => q.standard).map((q) => q.id);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const questionIds = questions.filter((q) => selected.includes(q.id)).map((q) => q.id);
    const result = await open({ variables: { input: { programmeId: programme.programmeId, phase: selectedPhase, questionIds } } });
    const payload = result.data?.openQuestionnaire;
    setErrors(payload?.userErrors ?? []);
    if (payload?.questionnaire) {
      setChosen(null);
      onOpened();
    }
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>Open a questionnaire</h2>
      <ErrorSummary errors={errors} />
      <div className="form-inline">
        <SelectField label="Programme" value={programme.programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
          {choices.map((p) => (
            <option key={p.programmeId} value={p.programmeId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="When" value={selectedPhase} onChange={(e) => setPhase(e.target.value as QuestionnairePhase)} error={fieldError(errors, 'input.phase')}>
          {left.map((p) => (
            <option key={p} value={p}>
              {phaseLabels[p]}
            </option>
          ))}
        </SelectField>
      </div>
      {questions.length > 0 && (
        <CheckboxGroup
          legend="Questions from your question bank"
          hint="Ask the same agreement questions at each point to see how answers change."
          options={questions.map((q) => ({ value: q.id, label: q.prompt, hint: kindHints[q.kind] }))}
          value={selected}
          onChange={setChosen}
          error={fieldError(errors, 'input.questionIds')}
        />
      )}
      <button type="submit" className="button button--primary" disabled={loading || selected.length === 0}>
        Open questionnaire
      </button>
    </form>
  );
}

/** The organisation's question bank: standard questions and the managers' own; a manager adds one here. */
function QuestionBankPanel({ organisationId }: { organisationId: string }) {
  const [kind, setKind] = useState<QuestionKind>('LIKERT');
  const [prompt, setPrompt] = useState('');
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [added, setAdded] = useState('');
  const [add, { loading }] = useMutation(AddBankQuestion, { refetchQueries: [QuestionBankQuery] });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await add({ variables: { input: { organisationId, kind, prompt } } });
    const payload = result.data?.addBankQuestion;
    setErrors(payload?.userErrors ?? []);
    if (payload?.question) {
      setAdded(payload.question.prompt);
      setPrompt('');
    }
  }
  return (
    <details className="card">
      <summary>Add a question to the question bank</summary>
      <form onSubmit={submit}>
        <ErrorSummary errors={errors} />
        <RadioGroup<QuestionKind>
          name="bank-kind"
          legend="Kind of question"
          options={[
            { value: 'LIKERT', label: 'A statement to agree or disagree with', hint: kindHints.LIKERT },
            { value: 'TEXT', label: 'A question answered in words', hint: kindHints.TEXT },
          ]}
          value={kind}
          onChange={setKind}
        />
        <TextField label="Question" hint="3 to 300 characters. Statements work best: “I feel able to …”." required minLength={3} value={prompt} maxLength={300} onChange={(e) => setPrompt(e.target.value)} error={fieldError(errors, 'input.prompt')} />
        <button type="submit" className="button button--secondary" disabled={loading}>
          Add to the bank
        </button>
        {added && (
          <p role="status" className="notice">
            Added “{added}”. You can choose it when you open a questionnaire.
          </p>
        )}
      </form>
    </details>
  );
}

/** Two questionnaires of one programme, side by side: the change in "% agreed" per group. */
function ComparePanel({ questionnaires }: { questionnaires: QuestionnaireFieldsFragment[] }) {
  const byProgramme = new Map<string, QuestionnaireFieldsFragment[]>();
  for (const q of questionnaires) byProgramme.set(q.programmeId, [...(byProgramme.get(q.programmeId) ?? []), q]);
  const comparable = [...byProgramme.values()]
    .filter((list) => list.length >= 2)
    .map((list) => [...list].sort((a, b) => phases.indexOf(a.phase) - phases.indexOf(b.phase)));
  const [programmeId, setProgrammeId] = useState('');
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const list = comparable.find((l) => l[0].programmeId === programmeId) ?? comparable[0];
  const from = list?.find((q) => q.id === fromId) ?? list?.[0];
  const to = list?.find((q) => q.id === toId) ?? list?.[list.length - 1];
  const same = !!from && from.id === to?.id;
  const { data, error } = useQuery(ComparisonQuery, { variables: { from: from?.id ?? '', to: to?.id ?? '' }, skip: !from || !to || same });
  if (!list || !from || !to) return null;
  return (
    <section className="card" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two questionnaires</h2>
      <div className="form-inline">
        {comparable.length > 1 && (
          <SelectField label="Programme" value={list[0].programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
            {comparable.map((l) => (
              <option key={l[0].programmeId} value={l[0].programmeId}>
                {l[0].programmeName}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="From" value={from.id} onChange={(e) => setFromId(e.target.value)}>
          {list.map((q) => (
            <option key={q.id} value={q.id}>
              {phaseLabels[q.phase]}: {q.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="To" value={to.id} onChange={(e) => setToId(e.target.value)}>
          {list.map((q) => (
            <option key={q.id} value={q.id}>
              {phaseLabels[q.phase]}: {q.title}
            </option>
          ))}
        </SelectField>
      </div>
      {same && <p className="muted">Choose two different questionnaires.</p>}
      {error && <ProblemMessage error={error} />}
      {!same && data && <ComparisonTable comparison={data.questionnaireComparison} />}
    </section>
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
