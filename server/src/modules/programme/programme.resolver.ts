import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { Organisation } from '../organisation/organisation.type';
import { CreateProgrammeInput, ProgrammeInput, ProgrammesArgs, UpdateProgrammeInput } from './programme.inputs';
import { ProgrammeStatus } from './programme.entity';
import { ProgrammePayload } from './programme.payloads';
import { programmePolicy } from './programme.policy';
import { ProgrammeService } from './programme.service';
import { Programme, ProgrammeConnection } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Authorized()
  @Query(() => ProgrammeConnection, { description: "Programmes of the viewer's organisations, newest first." })
  programmes(@Args() args: ProgrammesArgs, @Ctx() ctx: Context) {
    return new ProgrammeService(ctx).list(args);
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammePayload, { description: 'Create a PLANNED programme (cohort).' })
  createProgramme(@InputArg(CreateProgrammeInput) input: CreateProgrammeInput, @Ctx() ctx: Context) {
    return mutate(ProgrammePayload, input, async () => ({ programme: Programme.from(await new ProgrammeService(ctx).create(input)) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammePayload, { description: 'Correct a programme (name, description, dates, cadence) until it closes.' })
  updateProgramme(@InputArg(UpdateProgrammeInput) input: UpdateProgrammeInput, @Ctx() ctx: Context) {
    return mutate(ProgrammePayload, input, async () => ({ programme: Programme.from(await new ProgrammeService(ctx).update(input)) }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammePayload, { description: 'PLANNED → ACTIVE.' })
  startProgramme(@InputArg(ProgrammeInput) input: ProgrammeInput, @Ctx() ctx: Context) {
    return mutate(ProgrammePayload, input, async () => ({
      programme: Programme.from(await new ProgrammeService(ctx).moveTo(input.programmeId, ProgrammeStatus.ACTIVE)),
    }));
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => ProgrammePayload, { description: 'ACTIVE → CLOSED; open pairs are marked COMPLETED.' })
  closeProgramme(@InputArg(ProgrammeInput) input: ProgrammeInput, @Ctx() ctx: Context) {
    return mutate(ProgrammePayload, input, async () => ({
      programme: Programme.from(await new ProgrammeService(ctx).moveTo(input.programmeId, ProgrammeStatus.CLOSED)),
    }));
  }

  @Authorized()
  @FieldResolver(() => Organisation)
  async organisation(@Root() programme: Programme, @Ctx() ctx: Context): Promise<Organisation> {
    return Organisation.from((await ctx.loaders.identity.organisation.load(programme.entity.organisationId))!);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit it now (a programme manager, until it closes).' })
  viewerCanEdit(@Root() programme: Programme, @Ctx() ctx: Context): boolean {
    return programmePolicy.canEdit(ctx.viewer as Viewer, programme.entity);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: 'Whether the viewer may start, close and pair people in this programme.' })
  viewerCanManage(@Root() programme: Programme, @Ctx() ctx: Context): boolean {
    return programmePolicy.canManage(ctx.viewer as Viewer, programme.entity.organisationId);
  }
}
