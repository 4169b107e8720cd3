import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import type { ProgrammeDesignQuery as ProgrammeDesignQueryResult, TrainingSide } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { memberLabel, useMembers } from '../../hooks/useMembers';
import { formatDateTime, formatDay, plural } from '../../labels';

const ProgrammeDesignQuery = graphql(`
  query ProgrammeDesign($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Programme {
        status
        viewerCanManage
        viewerCanEdit
        currentMonth
        organisation {
          id
        }
        design {
          templateKey
          seniorLabel
          juniorLabel
          trainingRequired
          milestones {
            month
            title
            dueOn
          }
          closingQuestionnaire {
            title
            dueOn
            questions {
              kind
              prompt
            }
          }
        }
        curriculum {
          id
          month
          topic
          guidance
          resources {
            title
            url
            text
          }
          prompts
        }
        trainingModules {
          id
          side
          title
          description
          expectedHours
          viewerCompletion {
            id
            completedAt
            selfRecorded
          }
        }
        trainingProgress {
          side
          person {
            id
            displayName
          }
          completed {
            id
            title
          }
          missing {
            id
            title
          }
        }
        trainingHistory {
          id
          completedAt
          selfRecorded
          person {
            id
            displayName
          }
          recordedBy {
            id
            displayName
          }
          module {
            id
            title
          }
        }
        guide {
          id
          key
          title
          guidance
          dueOn
          done
          seenDone
          evidence
          markedDoneAt
        }
      }
    }
  }
`);

const UpdateProgrammeDesignMutation = graphql(`
  mutation UpdateProgrammeDesign($input: UpdateProgrammeDesignInput!) {
    updateProgrammeDesign(input: $input) {
      design {
        seniorLabel
        juniorLabel
        trainingRequired
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SaveCurriculumMonthMutation = graphql(`
  mutation SaveCurriculumMonth($input: SaveCurriculumMonthInput!) {
    saveCurriculumMonth(input: $input) {
      curriculumMonth {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SaveTrainingModuleMutation = graphql(`
  mutation SaveTrainingModule($input: SaveTrainingModuleInput!) {
    saveTrainingModule(input: $input) {
      trainingModule {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RecordTrainingCompletionMutation = graphql(`
  mutation RecordTrainingCompletion($input: RecordTrainingCompletionInput!) {
    recordTrainingCompletion(input: $input) {
      completion {
        id
        completedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const MarkGuideStepMutation = graphql(`
  mutation MarkGuideStep($input: MarkGuideStepInput!) {
    markGuideStep(input: $input) {
      guideStep {
        id
        done
        markedDoneAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const OpenClosingQuestionnaireMutation = graphql(`
  mutation OpenClosingQuestionnaire($input: OpenClosingQuestionnaireInput!) {
    openClosingQuestionnaire(input: $input) {
      questionnaire {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AddProgrammeGuideMutation = graphql(`
  mutation AddProgrammeGuide($input: AddProgrammeGuideInput!) {
    addProgrammeGuide(input: $input) {
      guide {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const REFETCH = { refetchQueries: ['ProgrammeDesign', 'Programme'], awaitRefetchQueries: true };

interface Wording {
  seniorLabel: string;
  juniorLabel: string;
}

/** What a module's side is called in this programme's own words. */
export function sideName(side: TrainingSide, wording: Wording): string {
  return side === 'SENIOR' ? wording.seniorLabel : side === 'JUNIOR' ? wording.juniorLabel : 'Both sides';
}

/** Lines of text to a list, dropping blank lines. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The programme's design on its page: its plan (wording, training rule, milestones, closing
 * questionnaire), the month-by-month curriculum, training, and for managers the guide.
 */
export function ProgrammeDesignSections({ programmeId }: { programmeId: string }) {
  const { data, error, refetch } = useQuery(ProgrammeDesignQuery, { variables: { id: programmeId } });
  const programme = data?.node?.__typename === 'Programme' ? data.node : null;
  if (error) return <ProblemMessage error={error} onRetry={() => refetch()} />;
  if (!programme) return null;
  const canEdit = programme.viewerCanEdit;
  return (
    <>
      <PlanCard programme={programme} canEdit={canEdit} />
      {programme.guide && programme.guide.length > 0 && <GuideCard steps={programme.guide} canEdit={canEdit} />}
      {programme.guide && programme.guide.length === 0 && canEdit && <AddGuideCard programmeId={programme.id} />}
      <TrainingCard programme={programme} canEdit={canEdit} />
      <CurriculumCard programmeId={programme.id} months={programme.curriculum} currentMonth={programme.currentMonth} canEdit={canEdit} active={programme.status === 'ACTIVE'} />
    </>
  );
}

type DesignProgramme = Extract<NonNullable<ProgrammeDesignQueryResult['node']>, { __typename: 'Programme' }>;

function PlanCard({ programme, canEdit }: { programme: DesignProgramme; canEdit: boolean }) {
  const { design } = programme;
  const [editing, setEditing] = useState(false);
  const [openQuestionnaire] = useMutation(OpenClosingQuestionnaireMutation, REFETCH);
  const opening = useFormAction();
  const [opened, setOpened] = useState(false);
  return (
    <section className="card" aria-labelledby="plan-heading">
      <div className="card-header">
        <h2 id="plan-heading">Plan</h2>
        {canEdit && !editing && (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            Edit wording and rules
          </button>
        )}
      </div>
      {editing ? (
        <PlanForm programmeId={programme.id} design={design} onDone={() => setEditing(false)} />
      ) : (
        <dl className="facts facts--stacked">
          <div>
            <dt>The two sides</dt>
            <dd>
              {design.seniorLabel} and {design.juniorLabel}
            </dd>
          </div>
          <div>
            <dt>Training rule</dt>
            <dd>{design.trainingRequired ? 'A pair starts only when both have completed their training.' : 'Pairs may start before their training is complete.'}</dd>
          </div>
          <div>
            <dt>Milestones</dt>
            <dd>
              {design.milestones.length === 0 ? (
                <span className="muted">None planned.</span>
              ) : (
                <ul className="plain-list plain-list--tight" aria-label="Milestones">
                  {design.milestones.map((m) => (
                    <li key={`${m.month}-${m.title}`}>
                      {formatDay(m.dueOn)}: {m.title}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>Closing questionnaire</dt>
            <dd>
              {design.closingQuestionnaire ? (
                <>
                  “{design.closingQuestionnaire.title}”, {plural(design.closingQuestionnaire.questions.length, 'question')}, due {formatDay(design.closingQuestionnaire.dueOn)}.
                  {programme.viewerCanManage && programme.status === 'ACTIVE' && !opened && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--link"
                        disabled={opening.busy}
                        onClick={async () => {
                          const payload = await opening.run(() => openQuestionnaire({ variables: { input: { programmeId: programme.id } } }), (d) => d.openClosingQuestionnaire);
                          if (payload) setOpened(true);
                        }}
                      >
                        Open it now
                      </button>
                    </>
                  )}
                  {opened && (
                    <>
                      {' '}
                      <Link to="/questionnaires">It is open: see the questionnaires.</Link>
                    </>
                  )}
                </>
              ) : (
                <span className="muted">None planned.</span>
              )}
              <FormProblems userErrors={opening.userErrors} problem={opening.problem} />
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function PlanForm({ programmeId, design, onDone }: { programmeId: string; design: DesignProgramme['design']; onDone(): void }) {
  const [update] = useMutation(UpdateProgrammeDesignMutation, REFETCH);
  const action = useFormAction();
  const [seniorLabel, setSeniorLabel] = useState(design.seniorLabel);
  const [juniorLabel, setJuniorLabel] = useState(design.juniorLabel);
  const [trainingRequired, setTrainingRequired] = useState(design.trainingRequired);
  const [milestones, setMilestones] = useState(design.milestones.map((m) => `${m.month}: ${m.title}`).join('\n'));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = lines(milestones).map((line) => {
      const match = /^(-?\d+)\s*:\s*(.+)$/.exec(line);
      return match ? { month: Number(match[1]), title: match[2] } : null;
    });
    if (parsed.some((m) => m === null)) {
      return action.fail([{ field: ['input', 'milestones'], message: 'Write each milestone as “month: title”, e.g. “6: Mid-point review”.' }]);
    }
    const input = { programmeId, seniorLabel, juniorLabel, trainingRequired, milestones: parsed as { month: number; title: string }[] };
    const payload = await action.run(() => update({ variables: { input } }), (d) => d.updateProgrammeDesign);
    if (payload) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form-grid" aria-label="Wording and rules">
      <TextField label="Senior side is called" required value={seniorLabel} onChange={(e) => setSeniorLabel(e.target.value)} error={fieldError(action.userErrors, 'seniorLabel')} hint="e.g. Mentor, Board member, Senior co-learner" />
      <TextField label="Junior side is called" required value={juniorLabel} onChange={(e) => setJuniorLabel(e.target.value)} error={fieldError(action.userErrors, 'juniorLabel')} hint="e.g. Mentee, Reverse mentor, Junior co-learner" />
      <label className="checkbox field--wide">
        <input type="checkbox" checked={trainingRequired} onChange={(e) => setTrainingRequired(e.target.checked)} />
        <span>
          <span className="checkbox__label">A pair starts only when both have completed their training</span>
          <span className="checkbox__hint">Their contract cannot take effect until then; you see who is missing what.</span>
        </span>
      </label>
      <TextAreaField
        className="field--wide"
        label="Milestones"
        rows={4}
        value={milestones}
        onChange={(e) => setMilestones(e.target.value)}
        error={fieldError(action.userErrors, 'milestones')}
        hint="One a line: months from the start, a colon, and what happens (e.g. “6: Mid-point review”)."
      />
      <div className="field--wide">
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button--link" onClick={onDone}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

type Month = DesignProgramme['curriculum'][number];

function CurriculumCard({ programmeId, months, currentMonth, canEdit, active }: { programmeId: string; months: readonly Month[]; currentMonth: number; canEdit: boolean; active: boolean }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const nextMonth = months.reduce((max, m) => Math.max(max, m.month), 0) + 1;
  return (
    <section className="card" aria-labelledby="curriculum-heading">
      <div className="card-header">
        <h2 id="curriculum-heading">
          Curriculum <span className="count">{months.length}</span>
        </h2>
        {canEdit && editing === null && (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing('new')}>
            Add a month
          </button>
        )}
      </div>
      {editing === 'new' && <MonthForm programmeId={programmeId} isNew taken={months.map((m) => m.month)} month={{ month: nextMonth, topic: '', guidance: '', resources: [], prompts: [] }} onDone={() => setEditing(null)} />}
      {months.length === 0 ? (
        <p className="muted">No curriculum yet: pairs follow their own contract topics.</p>
      ) : (
        <ol className="item-list item-list--flat" aria-label="Curriculum months">
          {months.map((month) => (
            <li key={month.id} className="item item--flat" aria-current={active && month.month === currentMonth ? 'true' : undefined}>
              {editing === month.month ? (
                <MonthForm programmeId={programmeId} month={month} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <div className="item__top">
                    <h3 className="item__title">
                      Month {month.month}: {month.topic}
                    </h3>
                    {active && month.month === currentMonth && <StatusBadge tone="go">This month</StatusBadge>}
                  </div>
                  {month.guidance && <p className="prose">{month.guidance}</p>}
                  <MonthDetails month={month} />
                  {canEdit && (
                    <button type="button" className="button button--link" onClick={() => setEditing(month.month)}>
                      Edit<span className="visually-hidden"> month {month.month}</span>
                    </button>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A month's resources and reflection prompts: on the programme page and in a pair's next-session prompts. */
export function MonthDetails({ month }: { month: { resources: readonly { title: string; url?: string | null; text?: string | null }[]; prompts: readonly string[] } }) {
  return (
    <>
      {month.resources.length > 0 && (
        <>
          <p className="eyebrow">Resources</p>
          <ul className="plain-list plain-list--tight">
            {month.resources.map((r) => (
              <li key={r.title}>
                {r.url ? (
                  <a href={r.url} target="_blank" rel="noreferrer noopener">
                    {r.title}
                  </a>
                ) : (
                  <strong>{r.title}</strong>
                )}
                {r.text && <span className="muted"> · {r.text}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {month.prompts.length > 0 && (
        <>
          <p className="eyebrow">To reflect on</p>
          <ul className="plain-list plain-list--tight">
            {month.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Sets one month; the month number is chosen when adding a month and fixed when editing one. */
function MonthForm({ programmeId, month, isNew = false, taken = [], onDone }: { programmeId: string; month: Pick<Month, 'month' | 'topic' | 'guidance' | 'resources' | 'prompts'>; isNew?: boolean; taken?: number[]; onDone(): void }) {
  const [save] = useMutation(SaveCurriculumMonthMutation, REFETCH);
  const action = useFormAction();
  const [number, setNumber] = useState(String(month.month));
  const [topic, setTopic] = useState(month.topic);
  const [guidance, setGuidance] = useState(month.guidance);
  const [prompts, setPrompts] = useState(month.prompts.join('\n'));
  const [resources, setResources] = useState(month.resources.map((r) => [r.title, r.url ?? r.text ?? ''].filter(Boolean).join(' | ')).join('\n'));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!topic.trim()) return action.fail([{ field: ['input', 'topic'], message: 'Give the month a topic.' }]);
    if (isNew && taken.includes(Number(number))) return action.fail([{ field: ['input', 'month'], message: `Month ${number} is already planned: edit it instead.` }]);
    const input = {
      programmeId,
      month: Number(number),
      topic,
      guidance,
      prompts: lines(prompts),
      resources: lines(resources).map((line) => {
        const [title, rest = ''] = line.split('|').map((part) => part.trim());
        return /^https?:\/\//.test(rest) ? { title, url: rest, text: null } : { title, url: null, text: rest || null };
      }),
    };
    const payload = await action.run(() => save({ variables: { input } }), (d) => d.saveCurriculumMonth);
    if (payload) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form-grid" aria-label={`Curriculum month ${month.month}`}>
      {isNew && <TextField label="Month" type="number" min={1} max={60} required value={number} onChange={(e) => setNumber(e.target.value)} error={fieldError(action.userErrors, 'month')} />}
      <TextField label="Topic" required value={topic} onChange={(e) => setTopic(e.target.value)} error={fieldError(action.userErrors, 'topic')} />
      <TextAreaField className="field--wide" label="Guidance" rows={2} value={guidance} onChange={(e) => setGuidance(e.target.value)} error={fieldError(action.userErrors, 'guidance')} />
      <TextAreaField className="field--wide" label="Resources" rows={3} value={resources} onChange={(e) => setResources(e.target.value)} hint="One a line: a title, then “|” and a link or a short text." />
      <TextAreaField className="field--wide" label="Reflection prompts" rows={3} value={prompts} onChange={(e) => setPrompts(e.target.value)} hint="One a line." />
      <div className="field--wide">
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Saving…' : 'Save month'}
          </button>
          <button type="button" className="button button--link" onClick={onDone}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

function TrainingCard({ programme, canEdit }: { programme: DesignProgramme; canEdit: boolean }) {
  const { design, trainingModules: modules } = programme;
  const [record] = useMutation(RecordTrainingCompletionMutation, REFETCH);
  const own = useFormAction();
  const [adding, setAdding] = useState(false);
  const manager = programme.viewerCanManage;
  const mine = !manager ? programme.trainingProgress[0] : undefined;
  const mySide = mine?.side ?? null;

  return (
    <section className="card" aria-labelledby="training-heading">
      <div className="card-header">
        <h2 id="training-heading">
          Training <span className="count">{modules.length}</span>
        </h2>
        {canEdit && !adding && (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
            Add a module
          </button>
        )}
      </div>
      {design.trainingRequired && <p className="muted">A pair starts only when both have completed their side’s modules.</p>}
      {adding && <ModuleForm programmeId={programme.id} wording={design} onDone={() => setAdding(false)} />}
      {modules.length === 0 ? (
        <p className="muted">No training modules.</p>
      ) : (
        <table className="table table--stack">
          <caption className="visually-hidden">Training modules</caption>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">For</th>
              <th scope="col">Hours</th>
              {!manager && <th scope="col">Your training</th>}
            </tr>
          </thead>
          <tbody>
            {modules.map((m) => (
              <tr key={m.id}>
                <th scope="row" data-label="Module">
                  {m.title}
                  {m.description && <span className="person-email">{m.description}</span>}
                </th>
                <td data-label="For">{sideName(m.side, design)}</td>
                <td data-label="Hours">{m.expectedHours}</td>
                {!manager && (
                  <td data-label="Your training">
                    {m.viewerCompletion ? (
                      <StatusBadge tone="done">{`Completed ${formatDay(m.viewerCompletion.completedAt.slice(0, 10))}`}</StatusBadge>
                    ) : mySide && m.side !== 'BOTH' && m.side !== mySide ? (
                      <span className="muted">Not for your side</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={own.busy}
                        onClick={() => own.run(() => record({ variables: { input: { trainingModuleId: m.id } } }), (d) => d.recordTrainingCompletion)}
                      >
                        I have completed this<span className="visually-hidden">: {m.title}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormProblems userErrors={own.userErrors} problem={own.problem} />
      {manager && <TrainingProgress programme={programme} />}
    </section>
  );
}

function ModuleForm({ programmeId, wording, onDone }: { programmeId: string; wording: Wording; onDone(): void }) {
  const [save] = useMutation(SaveTrainingModuleMutation, REFETCH);
  const action = useFormAction();
  const [side, setSide] = useState<TrainingSide>('BOTH');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [hours, setHours] = useState('1');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return action.fail([{ field: ['input', 'title'], message: 'Give the module a title.' }]);
    const input = { programmeId, side, title, description, expectedHours: Number(hours) || 0 };
    const payload = await action.run(() => save({ variables: { input } }), (d) => d.saveTrainingModule);
    if (payload) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form-grid" aria-label="New training module">
      <TextField label="Title" required value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError(action.userErrors, 'title')} />
      <SelectField label="For" value={side} onChange={(e) => setSide(e.target.value as TrainingSide)}>
        {(['BOTH', 'SENIOR', 'JUNIOR'] as const).map((s) => (
          <option key={s} value={s}>
            {sideName(s, wording)}
          </option>
        ))}
      </SelectField>
      <TextField label="Expected hours" type="number" min={0} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} error={fieldError(action.userErrors, 'expectedHours')} />
      <TextAreaField className="field--wide" label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      <div className="field--wide">
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Adding…' : 'Add module'}
          </button>
          <button type="button" className="button button--link" onClick={onDone}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

/** For managers: who has completed what, recording a completion for someone, and the record of completions. */
function TrainingProgress({ programme }: { programme: DesignProgramme }) {
  const { design, trainingModules: modules, trainingProgress: progress, trainingHistory: history } = programme;
  const colearners = useMembers(programme.organisation.id, ['CO_LEARNER']);
  const [record] = useMutation(RecordTrainingCompletionMutation, REFETCH);
  const action = useFormAction();
  const [personId, setPersonId] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [recorded, setRecorded] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setRecorded(null);
    const problems = [];
    if (!personId) problems.push({ field: ['input', 'personId'], message: 'Choose who completed it.' });
    if (!moduleId) problems.push({ field: ['input', 'trainingModuleId'], message: 'Choose the module.' });
    if (problems.length) return action.fail(problems);
    const payload = await action.run(() => record({ variables: { input: { trainingModuleId: moduleId, personId } } }), (d) => d.recordTrainingCompletion);
    if (payload) {
      const who = colearners.members.find((m) => m.person.id === personId)?.person.displayName ?? 'They';
      setRecorded(`${who} completed “${modules.find((m) => m.id === moduleId)?.title}”: recorded.`);
      setModuleId('');
    }
  }

  return (
    <>
      <h3>Who has completed what</h3>
      {progress.length === 0 ? (
        <p className="muted">Nobody is paired or trained yet.</p>
      ) : (
        <table className="table table--stack">
          <caption className="visually-hidden">Training progress</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Side</th>
              <th scope="col">Completed</th>
              <th scope="col">Still to complete</th>
            </tr>
          </thead>
          <tbody>
            {progress.map((p) => (
              <tr key={p.person?.id}>
                <th scope="row" data-label="Person">
                  {p.person?.displayName}
                </th>
                <td data-label="Side">{p.side ? sideName(p.side, design) : <span className="muted">Not paired yet</span>}</td>
                <td data-label="Completed">{p.completed.map((m) => m.title).join(', ') || <span className="muted">Nothing yet</span>}</td>
                <td data-label="Still to complete">
                  {p.side === null ? <span className="muted">Known once paired</span> : p.missing.length === 0 ? <StatusBadge tone="done">All done</StatusBadge> : p.missing.map((m) => m.title).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {modules.length > 0 && (
        <form onSubmit={handleSubmit} noValidate className="form-grid" aria-label="Record training">
          <SelectField label="Person" value={personId} onChange={(e) => setPersonId(e.target.value)} error={fieldError(action.userErrors, 'personId')}>
            <option value="">{colearners.loading ? 'Loading…' : 'Choose a person'}</option>
            {colearners.members.map((m) => (
              <option key={m.person.id} value={m.person.id}>
                {memberLabel(m)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Module" value={moduleId} onChange={(e) => setModuleId(e.target.value)} error={fieldError(action.userErrors, 'trainingModuleId')}>
            <option value="">Choose a module</option>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({sideName(m.side, design)})
              </option>
            ))}
          </SelectField>
          <div className="field--wide">
            {recorded && (
              <div className="notice notice--success" role="status">
                <p>{recorded}</p>
              </div>
            )}
            <FormProblems userErrors={action.userErrors} problem={action.problem} />
            <button type="submit" className="button button--primary" disabled={action.busy}>
              {action.busy ? 'Recording…' : 'Record completion'}
            </button>
          </div>
        </form>
      )}
      {history.length > 0 && (
        <>
          <h3>Record of completions</h3>
          <ul className="plain-list plain-list--tight" aria-label="Record of completions">
            {history.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.completedAt)}: {c.person?.displayName} completed “{c.module?.title}”
                <span className="muted"> · {c.selfRecorded ? 'recorded by themselves' : `recorded by ${c.recordedBy?.displayName}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function GuideCard({ steps, canEdit }: { steps: NonNullable<DesignProgramme['guide']>; canEdit: boolean }) {
  const [mark] = useMutation(MarkGuideStepMutation, REFETCH);
  const action = useFormAction();
  const done = steps.filter((s) => s.done).length;
  return (
    <section className="card" aria-labelledby="guide-heading">
      <h2 id="guide-heading">
        Programme manager’s guide <span className="count">{`${done} of ${steps.length}`}</span>
      </h2>
      <p className="muted">Steps tick themselves as the app sees them done; tick the others by hand.</p>
      <table className="table table--stack">
        <caption className="visually-hidden">Guide</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Ticked by hand</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.id}>
              <th scope="row" data-label="Step">
                {s.title}
                <span className="person-email">{s.guidance}</span>
              </th>
              <td data-label="Due">{s.dueOn ? formatDay(s.dueOn) : '—'}</td>
              <td data-label="Status">
                {s.done ? <StatusBadge tone="done">Done</StatusBadge> : <StatusBadge tone="waiting">To do</StatusBadge>}
                <span className="person-email">{s.seenDone ? 'Seen by the app' : s.evidence}</span>
              </td>
              <td data-label="Ticked by hand">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={s.markedDoneAt !== null && s.markedDoneAt !== undefined}
                    disabled={!canEdit || action.busy}
                    onChange={(e) => action.run(() => mark({ variables: { input: { guideStepId: s.id, done: e.target.checked } } }), (d) => d.markGuideStep)}
                  />
                  <span className="visually-hidden">Ticked by hand: {s.title}</span>
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
    </section>
  );
}

/** A programme made blank has no guide until a manager adds the standard one. */
function AddGuideCard({ programmeId }: { programmeId: string }) {
  const [add] = useMutation(AddProgrammeGuideMutation, REFETCH);
  const action = useFormAction();
  return (
    <section className="card" aria-labelledby="guide-heading">
      <h2 id="guide-heading">Programme manager’s guide</h2>
      <p className="muted">A checklist for running the programme: recruit, train, match, launch, mid-point review, evaluate, report and celebrate, ticked as the app sees each step done.</p>
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => action.run(() => add({ variables: { input: { programmeId } } }), (d) => d.addProgrammeGuide)}>
        Add the guide
      </button>
    </section>
  );
}
