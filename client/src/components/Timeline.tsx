import type { EventKind } from '../gql/graphql';
import { decisionOutcomeLabels, describeEvent, formatDateTime } from '../labels';

export interface TimelineEvent {
  kind: EventKind;
  actorName: string;
  at: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  outcome?: string | null;
  rationale?: string | null;
  progress?: number | null;
  note?: string | null;
  newOwner?: { displayName: string } | null;
}

/** The append-only history, oldest first, as an ordered list. */
export function Timeline({ events, label }: { events: readonly TimelineEvent[]; label: string }) {
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {events.map((event, index) => (
        <li key={index} className={`timeline__item timeline__item--${event.kind.toLowerCase().replace(/_/g, '-')}`}>
          <p className="timeline__what">{describeEvent(event)}</p>
          <p className="timeline__when">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          </p>
          {event.rationale && (
            <blockquote className="timeline__quote">
              <span className="visually-hidden">{event.outcome ? `${decisionOutcomeLabels[event.outcome as keyof typeof decisionOutcomeLabels] ?? event.outcome}. ` : ''}Rationale: </span>
              {event.rationale}
            </blockquote>
          )}
          {event.note && <p className="timeline__note">{event.note}</p>}
        </li>
      ))}
    </ol>
  );
}
