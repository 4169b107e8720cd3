import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { InputArg, mutate } from '../../common/errors';
import { ConnectionArgs, toGlobalId } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Organisation } from '../organisation/organisation.type';
import { Role } from '../person/membership.entity';
import { AddOrganisationIdentifierInput, RemoveOrganisationIdentifierInput } from './identifier.inputs';
import { AddOrganisationIdentifierPayload, RemoveOrganisationIdentifierPayload } from './identifier.payloads';
import { identifierPolicy } from './identifier.policy';
import { IdentifierService } from './identifier.service';
import { OrganisationIdentifierConnection } from './identifier.type';
import { OrganisationIdentifier } from './identifier.type';

const organisationOf = async (ctx: Context, organisationId: string) => Organisation.from((await ctx.loaders.identity.organisation.load(organisationId))!);

@Resolver(() => Organisation)
export class IdentifierResolver {
  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => AddOrganisationIdentifierPayload, {
    description: "Add a short form, alias, site, ward or department to the organisation's list: the redaction assistant flags it from now on, in every case not yet published.",
  })
  addOrganisationIdentifier(@InputArg(AddOrganisationIdentifierInput) input: AddOrganisationIdentifierInput, @Ctx() ctx: Context) {
    return mutate(AddOrganisationIdentifierPayload, input, async () => {
      const entity = await new IdentifierService(ctx).add(input);
      return { identifier: OrganisationIdentifier.from(entity), organisation: await organisationOf(ctx, entity.organisationId) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER)
  @Mutation(() => RemoveOrganisationIdentifierPayload, { description: "Take an entry off the organisation's list." })
  removeOrganisationIdentifier(@InputArg(RemoveOrganisationIdentifierInput) input: RemoveOrganisationIdentifierInput, @Ctx() ctx: Context) {
    return mutate(RemoveOrganisationIdentifierPayload, input, async () => {
      const entity = await new IdentifierService(ctx).remove(input);
      return { removedIdentifierId: toGlobalId('OrganisationIdentifier', entity.id), organisation: await organisationOf(ctx, entity.organisationId) };
    });
  }

  @Authorized()
  @FieldResolver(() => OrganisationIdentifierConnection, {
    description: "What identifies the organisation besides its name (short forms, aliases, sites, wards, departments), oldest first; for its members.",
  })
  identifiers(@Root() organisation: Organisation, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return new IdentifierService(ctx).list(organisation.entity.id, args);
  }

  @Authorized()
  @FieldResolver(() => Boolean, { description: "Whether the viewer keeps the organisation's list of identifiers (its programme managers)." })
  viewerCanManageIdentifiers(@Root() organisation: Organisation, @Ctx() ctx: Context): boolean {
    return identifierPolicy.canManage(ctx.viewer as Viewer, organisation.entity.id);
  }
}
