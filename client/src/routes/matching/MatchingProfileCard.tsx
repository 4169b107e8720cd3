import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { CheckboxGroup, fieldError, TextAreaField, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import type { AffectedGroup, Availability } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { affectedGroupLabels, allAffectedGroups } from '../../labels';
import { allAvailability, availabilityLabels } from './matching-labels';

const SaveProfile = graphql(`
  mutation SaveMatchingProfile($input: SaveMatchingProfileInput!) {
    saveMatchingProfile(input: $input) {
      profile {
        id
        topics
        availability
        hopes
        volunteeredCharacteristics
        useCharacteristics
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const WithdrawProfile = graphql(`
  mutation WithdrawMatchingProfile($input: ProgrammeMatchingInput!) {
    withdrawMatchingProfile(input: $input) {
      withdrawn
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export interface ProfileValues {
  topics: readonly string[];
  availability: readonly Availability[];
  hopes: string;
  volunteeredCharacteristics: readonly AffectedGroup[];
  useCharacteristics: boolean;
}

/**
 * For a co-learner: opt in to matching in this programme. Only they and the programme's managers
 * read it; characteristics they volunteer are used only if they tick the box.
 */
export function MatchingProfileCard({ programmeId, profile }: { programmeId: string; profile: ProfileValues | null }) {
  const [editing, setEditing] = useState(!profile);
  const [topics, setTopics] = useState(profile?.topics.join(', ') ?? '');
  const [availability, setAvailability] = useState<Availability[]>([...(profile?.availability ?? [])]);
  const [hopes, setHopes] = useState(profile?.hopes ?? '');
  const [characteristics, setCharacteristics] = useState<AffectedGroup[]>([...(profile?.volunteeredCharacteristics ?? [])]);
  const [useCharacteristics, setUseCharacteristics] = useState(profile?.useCharacteristics ?? false);
  const [status, setStatus] = useState('');
  const save = useFormAction();
  const withdraw = useFormAction();
  const [saveProfile] = useMutation(SaveProfile, { refetchQueries: ['Programme'], awaitRefetchQueries: true });
  const [withdrawProfile] = useMutation(WithdrawProfile, { refetchQueries: ['Programme'], awaitRefetchQueries: true });

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    const input = {
      programmeId,
      topics: topics.split(',').map((t) => t.trim()).filter(Boolean),
      availability,
      hopes,
      volunteeredCharacteristics: characteristics,
      useCharacteristics: useCharacteristics && characteristics.length > 0,
    };
    if (await save.run(() => saveProfile({ variables: { input } }), (data) => data.saveMatchingProfile)) {
      setStatus('Your matching profile is saved. Your programme manager will propose a partner.');
      setEditing(false);
    }
  }

  async function handleWithdraw() {
    if (await withdraw.run(() => withdrawProfile({ variables: { input: { programmeId } } }), (data) => data.withdrawMatchingProfile)) {
      setStatus('You are no longer opted in to matching.');
      setEditing(true);
    }
  }

  return (
    <section className="card" aria-labelledby="matching-profile-heading">
      <div className="card-header">
        <h2 id="matching-profile-heading">Your matching profile</h2>
        {profile && !editing && (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
            Change your profile
          </button>
        )}
      </div>
      <p role="status" className={status ? 'notice notice--success' : 'visually-hidden'}>
        {status}
      </p>
      {profile && !editing ? (
        <dl className="facts">
          <dt>Topics</dt>
          <dd>{profile.topics.join(', ') || 'None given'}</dd>
          <dt>Availability</dt>
          <dd>{profile.availability.map((a) => availabilityLabels[a]).join(', ') || 'None given'}</dd>
          <dt>What you hope to learn</dt>
          <dd>{profile.hopes || 'Not given'}</dd>
          <dt>Used for matching</dt>
          <dd>
            {profile.useCharacteristics
              ? `Your grade, division and reporting line, and what you volunteered: ${profile.volunteeredCharacteristics.map((c) => affectedGroupLabels[c]).join(', ')}`
              : `Your grade, division and reporting line; nothing about protected characteristics${
                  profile.volunteeredCharacteristics.length ? ` (what you shared, ${profile.volunteeredCharacteristics.map((c) => affectedGroupLabels[c]).join(', ')}, is kept but not used)` : ''
                }`}
          </dd>
        </dl>
      ) : (
        <form onSubmit={handleSave} noValidate className="form-grid" aria-label="Matching profile">
          <p className="field--wide">
            Opt in to be matched with a partner in this programme. Only you and the programme's managers read this. Your division, grade and line
            manager come from your membership; you are never paired with someone in your own reporting line.
          </p>
          <TextField
            label="Topics you want to explore"
            hint="Separate them with commas, e.g. flexible working, shortlisting"
            className="field--wide"
            value={topics}
            onChange={(event) => setTopics(event.target.value)}
            error={fieldError(save.userErrors, 'topics')}
          />
          <CheckboxGroup
            legend="When and how you can meet"
            className="field--wide"
            options={allAvailability.map((value) => ({ value, label: availabilityLabels[value] }))}
            value={availability}
            onChange={setAvailability}
          />
          <TextAreaField label="What you hope to learn" className="field--wide" value={hopes} onChange={(event) => setHopes(event.target.value)} error={fieldError(save.userErrors, 'hopes')} />
          <CheckboxGroup
            legend="Lived experience you choose to share (optional)"
            hint="Protected characteristics are never used unless you tick the box below."
            className="field--wide"
            options={allAffectedGroups.map((value) => ({ value, label: affectedGroupLabels[value] }))}
            value={characteristics}
            onChange={setCharacteristics}
          />
          <label className="checkbox field--wide">
            <input type="checkbox" checked={useCharacteristics} onChange={(event) => setUseCharacteristics(event.target.checked)} />
            <span className="checkbox__label">Use what I shared above for matching</span>
          </label>
          <div className="field--wide">
            <FormProblems userErrors={save.userErrors} problem={save.problem} />
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={save.busy}>
                {save.busy ? 'Saving…' : profile ? 'Save your profile' : 'Opt in to matching'}
              </button>
              {profile && (
                <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
                  Cancel
                </button>
              )}
            </div>
          </div>
        </form>
      )}
      {profile && (
        <div className="actions">
          <FormProblems userErrors={withdraw.userErrors} problem={withdraw.problem} />
          <button type="button" className="button button--link" onClick={handleWithdraw} disabled={withdraw.busy}>
            Opt out of matching in this programme
          </button>
        </div>
      )}
    </section>
  );
}
