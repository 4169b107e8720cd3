import { In } from 'typeorm';
import { isIsoDate } from '../../common/dates';
import { findForUpdate } from '../../common/locking';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { idOf, paginate } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { PairEntity, PairStatus } from '../pair/pair.entity';
import { ProgrammeEntity, ProgrammeStatus } from './programme.entity';
import type { CreateProgrammeInput, ProgrammesArgs, UpdateProgrammeInput } from './programme.inputs';
import { programmePolicy } from './programme.policy';
import { Programme } from './programme.type';

/** The organisation an action targets: the one named, or the viewer's home organisation. */
export function targetOrganisation(viewer: Viewer, organisationGlobalId?: string | null): string {
  const id = organisationGlobalId ? idOf(organisationGlobalId, 'Organisation') : viewer.homeOrganisationId;
  if (!id) throw forbidden('You do not belong to an organisation.');
  return id;
}

function checkDates(startsOn: string, endsOn: string): void {
  if (!isIsoDate(startsOn)) throw new DomainError(UserErrorCode.INVALID_INPUT, 'That start date does not exist.', ['input', 'startsOn']);
  if (!isIsoDate(endsOn) || endsOn <= startsOn) throw new DomainError(UserErrorCode.INVALID_INPUT, 'The programme must end after it starts.', ['input', 'endsOn']);
}

const NEXT: Partial<Record<ProgrammeStatus, ProgrammeStatus>> = {
  [ProgrammeStatus.PLANNED]: ProgrammeStatus.ACTIVE,
  [ProgrammeStatus.ACTIVE]: ProgrammeStatus.CLOSED,
};

export class ProgrammeService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  async create(input: CreateProgrammeInput): Promise<ProgrammeEntity> {
    const organisationId = targetOrganisation(this.viewer, input.organisationId);
    if (!programmePolicy.canManage(this.viewer, organisationId)) throw forbidden('Only a programme manager can create programmes.');
    checkDates(input.startsOn, input.endsOn);
    const programmes = this.ctx.db.getRepository(ProgrammeEntity);
    return programmes.save(
      programmes.create({
        organisationId,
        name: input.name.trim(),
        description: input.description?.trim() || null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        sessionCadence: input.sessionCadence,
        ...(input.reviewMonths ? { reviewMonths: [...input.reviewMonths].sort((a, b) => a - b) } : {}),
      }),
    );
  }

  /** A manager corrects a programme until it closes: its name, description, dates and cadence. */
  async update(input: UpdateProgrammeInput): Promise<ProgrammeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await findForUpdate(tx, ProgrammeEntity, idOf(input.programmeId, 'Programme'));
      if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
      if (!programmePolicy.canManage(this.viewer, programme.organisationId)) throw forbidden('Only a programme manager can edit programmes.');
      if (!programmePolicy.canEdit(this.viewer, programme)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This programme has closed; it can no longer be edited.');
      const startsOn = input.startsOn ?? programme.startsOn;
      const endsOn = input.endsOn ?? programme.endsOn;
      checkDates(startsOn, endsOn);
      Object.assign(programme, {
        name: input.name?.trim() || programme.name,
        description: input.description === undefined || input.description === null ? programme.description : input.description.trim() || null,
        startsOn,
        endsOn,
        sessionCadence: input.sessionCadence ?? programme.sessionCadence,
        reviewMonths: input.reviewMonths ? [...input.reviewMonths].sort((a, b) => a - b) : programme.reviewMonths,
      });
      return tx.getRepository(ProgrammeEntity).save(programme);
    });
  }

  /** PLANNED → ACTIVE → CLOSED. Closing completes the programme's open pairs. */
  async moveTo(programmeGlobalId: string, wanted: ProgrammeStatus): Promise<ProgrammeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await findForUpdate(tx, ProgrammeEntity, idOf(programmeGlobalId, 'Programme'));
      if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
      if (!programmePolicy.canManage(this.viewer, programme.organisationId)) throw forbidden('Only a programme manager can do this.');
      if (NEXT[programme.status] !== wanted) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, `A ${programme.status.toLowerCase()} programme cannot become ${wanted.toLowerCase()}.`);
      }
      programme.status = wanted;
      await tx.getRepository(ProgrammeEntity).save(programme);
      if (wanted === ProgrammeStatus.CLOSED) {
        await tx.getRepository(PairEntity).update(
          { programmeId: programme.id, status: In([PairStatus.ACTIVE, PairStatus.PROPOSED]) },
          { status: PairStatus.COMPLETED },
        );
      }
      return programme;
    });
  }

  list(args: ProgrammesArgs) {
    const organisationIds = args.organisationId ? [idOf(args.organisationId, 'Organisation')] : this.viewer.organisationIds;
    const visible = organisationIds.filter((id) => programmePolicy.canSee(this.viewer, id));
    const query = this.ctx.db.getRepository(ProgrammeEntity).createQueryBuilder('p').where(visible.length ? { organisationId: In(visible) } : '1 = 0');
    if (args.status?.length) query.andWhere({ status: In(args.status) });
    return paginate(
      query,
      { name: 'starts', direction: 'DESC', keys: [{ sql: 'p.starts_on', value: (p) => p.startsOn }, { sql: 'p.id', value: (p) => p.id }] },
      args,
      Programme.from,
    );
  }
}
