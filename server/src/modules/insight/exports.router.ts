import express from 'express';
import type { DataSource } from 'typeorm';
import { needsSmallGroupNote, SMALL_GROUP_NOTE, smallGroupsOf, withheldProgrammes } from '../../common/anonymity';
import { describeError, type Logger } from '../../common/logger';
import { fromGlobalId } from '../../common/relay';
import { currentStatementCount, withStatementCounter } from '../../db/sql-counter';
import type { Viewer } from '../auth/viewer';
import type { AffectedGroup, Attribution, BarrierCategory, BarrierStatus } from '../barrier/barrier.entity';
import { HIDDEN_PAIR_LABEL } from '../barrier/barrier.masking';
import type { AdoptionEvidence, ChangeStatus, SuccessMeasure } from '../change/change.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { csvLine, streamBatches } from './csv';
import { affectedGroupsText, attributionLabel, barrierCategoryLabel, barrierStatusLabel, changeStatusLabel } from './export-labels';
import { BARRIERS_EXPORT_SQL, CHANGES_EXPORT_SQL } from './exports.sql';
import { DashboardAccess, insightPolicy } from './insight.policy';

/** Rows fetched per statement; the export never holds more than one batch in memory. */
export const EXPORT_BATCH_SIZE = 500;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ExportScope {
  organisation: OrganisationEntity;
  programmeId: string | null;
  viewer: Viewer;
}

interface ExportSpec {
  name: string;
  header: string[];
  sql: string;
  /** The owner to restrict to, or null for everything in scope; throws 403 when the viewer may not export. */
  ownerFilter(scope: ExportScope): string | null;
  toLine(row: Record<string, any>): string;
}

const measures = (list: SuccessMeasure[] | null) =>
  (list ?? [])
    .map((m) => `${m.metric}: ${m.baseline} → ${m.target}${m.current != null ? ` (now ${m.current})` : ''}${m.unit ? ` ${m.unit}` : ''}`)
    .join('; ');

/** Exports carry days, never moments: a time could be lined up with when a session was logged. */
const day = (moment: Date | null | undefined) => (moment ? moment.toISOString().slice(0, 10) : null);

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

/** Columns carry the words a person reads; the ids that link rows back to the app come last. */
const CHANGES: ExportSpec = {
  name: 'changes',
  header: [
    'Title', 'Status', 'Programme', 'Barrier', 'Barrier category', 'Proposed by (pair)', 'Owner', 'Owner email',
    'Target date', 'Overdue', 'Progress (%)', 'Proposed on', 'Submitted on', 'Decided on', 'Started on', 'Adopted on',
    'Success measures', 'Adopted policy or process', 'In effect from', 'Adoption evidence link', 'Adoption summary', 'Change id', 'Barrier id',
  ],
  sql: CHANGES_EXPORT_SQL,
  ownerFilter({ organisation, viewer }) {
    const access = insightPolicy.changesExportAccess(viewer, organisation.id);
    if (!access) throw new HttpError(403, 'FORBIDDEN', 'Only programme managers and owners of this organisation can export its changes.');
    return access === DashboardAccess.OWN_CHANGES ? viewer.personId : null;
  },
  toLine(row) {
    const evidence = row.adoption_evidence as AdoptionEvidence | null;
    const today = new Date().toISOString().slice(0, 10);
    const open = !['ADOPTED', 'REJECTED', 'WITHDRAWN'].includes(row.status);
    return csvLine([
      // Where the pair is hidden, so is its cohort: in a small programme the cohort would name the pair.
      row.title, changeStatusLabel[row.status as ChangeStatus], row.pair_name === null ? '' : row.programme_name, row.barrier_title,
      barrierCategoryLabel[row.barrier_category as BarrierCategory], row.pair_name ?? HIDDEN_PAIR_LABEL,
      row.owner_name, row.owner_email, row.target_date, open && row.target_date < today, row.progress,
      day(row.created_at), day(row.submitted_at), day(row.decided_at), day(row.started_at), day(row.adopted_at),
      measures(row.success_measures), evidence?.policyOrProcess, evidence?.effectiveFrom, evidence?.link, evidence?.summary,
      globalId('Change', row.id), globalId('Barrier', row.barrier_id),
    ]);
  },
};

const BARRIERS: ExportSpec = {
  name: 'barriers',
  header: [
    'Title', 'Description', 'Category', 'Affected groups', 'Status', 'Attribution', 'Programme', 'Raised by (pair)', 'Raised by',
    'Evidence items', 'Corroborations', 'Changes', 'Adopted changes', 'Raised on', 'Barrier id',
  ],
  sql: BARRIERS_EXPORT_SQL,
  ownerFilter({ organisation, viewer }) {
    if (!insightPolicy.canExportBarriers(viewer, organisation.id)) {
      throw new HttpError(403, 'FORBIDDEN', 'Only programme managers of this organisation can export its barriers.');
    }
    return null;
  },
  toLine(row) {
    const hidden = row.pair_name === null;
    return csvLine([
      row.title, row.description, barrierCategoryLabel[row.category as BarrierCategory], affectedGroupsText(row.affected_groups as AffectedGroup[]),
      barrierStatusLabel[row.status as BarrierStatus], attributionLabel[row.attribution as Attribution],
      hidden ? '' : row.programme_name, hidden ? (row.set_title ? `The set “${row.set_title}”` : HIDDEN_PAIR_LABEL) : row.pair_name, hidden ? '' : row.raised_by,
      row.evidence_items, row.corroborations, row.changes, row.adopted_changes, day(row.created_at), globalId('Barrier', row.id),
    ]);
  },
};

function decode(globalId: unknown, type: string): string {
  if (typeof globalId !== 'string') throw new HttpError(400, 'BAD_USER_INPUT', `Give one ${type} id.`);
  try {
    return fromGlobalId(globalId, type).id;
  } catch (error) {
    throw new HttpError(400, 'BAD_USER_INPUT', (error as Error).message);
  }
}

async function scopeOf(db: DataSource, viewer: Viewer, query: express.Request['query']): Promise<ExportScope> {
  let organisationId: string | null;
  let programmeId: string | null = null;
  if (query.programmeId !== undefined) {
    programmeId = decode(query.programmeId, 'Programme');
    organisationId = (await db.getRepository(ProgrammeEntity).findOneBy({ id: programmeId }))?.organisationId ?? null;
  } else {
    organisationId = query.organisationId !== undefined ? decode(query.organisationId, 'Organisation') : viewer.homeOrganisationId;
  }
  const organisation = organisationId && viewer.isMemberOf(organisationId) ? await db.getRepository(OrganisationEntity).findOneBy({ id: organisationId }) : null;
  if (!organisation) throw new HttpError(404, 'NOT_FOUND', 'That programme or organisation does not exist or is not visible to you.');
  return { organisation, programmeId, viewer };
}

/**
 * GET /exports/changes.csv and /exports/barriers.csv, for the organisation (`organisationId`,
 * default the viewer's) or one programme (`programmeId`). Signed in with the same bearer token or
 * session cookie as /graphql; streamed from PostgreSQL in keyset batches.
 */
export function createExportsRouter(db: DataSource, log: Logger, viewerOf: (req: express.Request) => Promise<Viewer | null>): express.Router {
  const router = express.Router();
  for (const spec of [CHANGES, BARRIERS]) {
    router.get(`/${spec.name}.csv`, (req, res) =>
      withStatementCounter(async () => {
        let started = false;
        try {
          const viewer = await viewerOf(req);
          if (!viewer) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in to do this.');
          const scope = await scopeOf(db, viewer, req.query);
          const ownerId = spec.ownerFilter(scope);
          // A programme-filtered export is a group: the small-group rule (common/anonymity.ts) applies.
          const groups = await smallGroupsOf(db, scope.organisation.id);
          const withheld = withheldProgrammes(groups, scope.programmeId !== null);
          const today = new Date().toISOString().slice(0, 10);
          res.status(200);
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="${spec.name}-${scope.organisation.slug}-${today}.csv"`);
          res.setHeader('Cache-Control', 'no-store');
          if (scope.programmeId && needsSmallGroupNote(groups, scope.programmeId)) res.setHeader('X-Withheld-In-Small-Groups', SMALL_GROUP_NOTE);
          started = true;
          res.write(`\uFEFF${csvLine(spec.header)}`); // the byte-order mark makes spreadsheets read UTF-8
          const rows = await streamBatches<Record<string, any>>(
            res,
            (after, size) =>
              db.query(spec.sql, [scope.organisation.id, scope.programmeId, ownerId, viewer.personId, after?.created_at ?? null, after?.id ?? null, size, withheld]),
            spec.toLine,
            EXPORT_BATCH_SIZE,
          );
          res.end();
          log.info('export streamed', { export: spec.name, rows, statements: currentStatementCount() });
        } catch (error) {
          if (error instanceof HttpError && !started) {
            res.status(error.status).json({ error: { code: error.code, message: error.message } });
            return;
          }
          log.error('export failed', describeError(error));
          if (started) res.destroy();
          else res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. It has been logged.' } });
        }
      }),
    );
  }
  return router;
}
