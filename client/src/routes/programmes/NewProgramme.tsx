import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, RadioGroup, TextAreaField, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import type { ProgrammeTemplateKey } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { cadenceLabels, plural } from '../../labels';

const ProgrammeTemplatesQuery = graphql(`
  query ProgrammeTemplates {
    programmeTemplates {
      key
      name
      summary
      lengthMonths
      sessionCadence
      seniorLabel
      juniorLabel
      trainingRequired
      curriculum {
        month
        topic
      }
      training {
        side
        title
        expectedHours
      }
      milestones
      questionnaireTitle
    }
  }
`);

const CreateProgrammeFromTemplateMutation = graphql(`
  mutation CreateProgrammeFromTemplate($input: CreateProgrammeFromTemplateInput!) {
    createProgrammeFromTemplate(input: $input) {
      programme {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Choice = ProgrammeTemplateKey | 'BLANK';

/**
 * "Plan a programme": start from one of the ready-made shapes (which prefill length, cadence,
 * wording, curriculum, training, guide, milestones and questionnaire) or from a blank programme.
 */
export function NewProgramme({ blankForm }: { blankForm: React.ReactNode }) {
  const { data } = useQuery(ProgrammeTemplatesQuery);
  const [choice, setChoice] = useState<Choice | null>(null);
  const templates = data?.programmeTemplates ?? [];
  const chosen = templates.find((t) => t.key === choice) ?? null;

  return (
    <section className="card" aria-labelledby="new-programme-heading">
      <h2 id="new-programme-heading">Plan a programme</h2>
      <RadioGroup<Choice>
        legend="Start from"
        hint="A template fills in the plan for you; you can change any of it until the programme closes."
        name="programme-template"
        value={choice}
        onChange={setChoice}
        options={[
          ...templates.map((t) => ({ value: t.key as Choice, label: t.name, hint: t.summary })),
          { value: 'BLANK' as Choice, label: 'A blank programme', hint: 'Only dates and cadence; add the rest yourself.' },
        ]}
      />
      {choice === 'BLANK' && blankForm}
      {chosen && <TemplateForm key={chosen.key} template={chosen} />}
    </section>
  );
}

interface TemplateSummary {
  key: ProgrammeTemplateKey;
  name: string;
  lengthMonths: number;
  sessionCadence: keyof typeof cadenceLabels;
  seniorLabel: string;
  juniorLabel: string;
  trainingRequired: boolean;
  curriculum: readonly { month: number; topic: string }[];
  training: readonly { title: string; expectedHours: number }[];
  milestones: readonly string[];
  questionnaireTitle: string;
}

function TemplateForm({ template }: { template: TemplateSummary }) {
  const navigate = useNavigate();
  const [create] = useMutation(CreateProgrammeFromTemplateMutation, { refetchQueries: ['Programmes'] });
  const action = useFormAction();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (!name.trim()) problems.push({ field: ['input', 'name'], message: 'Give the programme a name.' });
    if (!startsOn) problems.push({ field: ['input', 'startsOn'], message: 'Choose the first day.' });
    if (startsOn && endsOn && endsOn <= startsOn) problems.push({ field: ['input', 'endsOn'], message: 'The last day must be after the first.' });
    if (problems.length) return action.fail(problems);
    const input = { templateKey: template.key, name: name.trim(), description: description.trim() || null, startsOn, endsOn: endsOn || null };
    const payload = await action.run(() => create({ variables: { input } }), (data) => data.createProgrammeFromTemplate);
    if (payload?.programme) {
      navigate(`/programmes/${encodeURIComponent(payload.programme.id)}`, { state: { flash: 'The programme is planned from its template. Check the plan, train and match pairs, then start it.' } });
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form-grid" aria-label={`New programme from “${template.name}”`}>
      <div className="field--wide notice notice--info">
        <p>
          <strong>{template.name}</strong> prefills {plural(template.lengthMonths, 'month')} of {cadenceLabels[template.sessionCadence].toLowerCase()} sessions, with the sides called “{template.seniorLabel}” and “
          {template.juniorLabel}”; a {plural(template.curriculum.length, 'month')} curriculum; {plural(template.training.length, 'training module')}
          {template.trainingRequired ? ', which both sides complete before their pair starts' : ''}; milestones ({template.milestones.join(', ')}); and the questionnaire “
          {template.questionnaireTitle}”.
        </p>
      </div>
      <TextField className="field--wide" label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(action.userErrors, 'name')} />
      <TextAreaField className="field--wide" label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError(action.userErrors, 'description')} hint="Left empty, the template’s summary is used." />
      <TextField label="First day" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={fieldError(action.userErrors, 'startsOn')} />
      <TextField label="Last day" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} error={fieldError(action.userErrors, 'endsOn')} hint={`Left empty: ${plural(template.lengthMonths, 'month')} from the first day.`} />
      <div className="field--wide">
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Creating…' : 'Create programme'}
        </button>
      </div>
    </form>
  );
}
