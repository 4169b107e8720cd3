import { Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Authorized, PLATFORM_ADMIN } from '../../common/auth-checker';
import { InputArg, MutationPayload, mutate } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { Organisation } from '../organisation/organisation.type';
import { Role } from '../person/membership.entity';
import type { ScimTokenEntity } from './scim-token.entity';
import { ScimTokenService } from './scim-token.service';

@ObjectType('Provisioning', { description: "How the organisation's provisioning client (SCIM 2.0) reaches us; the token itself is never shown again." })
export class Provisioning {
  @Field({ description: 'The SCIM base URL (tenant URL) to give the provisioning client.' })
  baseUrl: string;

  @Field({ description: 'Whether a live token exists.' })
  hasToken: boolean;

  @Field(() => Date, { nullable: true, description: 'When the live token was made.' })
  tokenCreatedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the live token was last used.' })
  tokenLastUsedAt: Date | null;

  static from(publicUrl: string, token: ScimTokenEntity | null): Provisioning {
    return Object.assign(new Provisioning(), {
      baseUrl: `${publicUrl}/scim/v2`,
      hasToken: Boolean(token),
      tokenCreatedAt: token?.createdAt ?? null,
      tokenLastUsedAt: token?.lastUsedAt ?? null,
    });
  }
}

@InputType()
export class ScimTokenInput {
  @Field(() => ID)
  organisationId: string;
}

@ObjectType()
export class CreateScimTokenPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Shown this once: only its hash is kept. Any earlier token stops working.' })
  token?: string | null;

  @Field(() => Provisioning, { nullable: true })
  provisioning?: Provisioning | null;
}

@ObjectType()
export class RevokeScimTokenPayload extends MutationPayload {
  @Field(() => Provisioning, { nullable: true })
  provisioning?: Provisioning | null;
}

@Resolver(() => Organisation)
export class OrganisationProvisioningResolver {
  @Authorized()
  @FieldResolver(() => Provisioning, { nullable: true, description: 'Its SCIM provisioning; visible to its programme managers and platform admins, null for others.' })
  async provisioning(@Root() organisation: Organisation, @Ctx() ctx: Context): Promise<Provisioning | null> {
    const service = new ScimTokenService(ctx);
    if (!(await service.mayManage(organisation.entity.id))) return null;
    return Provisioning.from(ctx.config.publicUrl, await service.active(organisation.entity.id));
  }
}

@Resolver()
export class ProvisioningResolver {
  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => CreateScimTokenPayload, { description: 'Make a new provisioning token (shown once); the previous one stops working.' })
  createScimToken(@InputArg(ScimTokenInput) input: ScimTokenInput, @Ctx() ctx: Context) {
    return mutate(CreateScimTokenPayload, input, async () => {
      const { token, entity } = await new ScimTokenService(ctx).create(idOf(input.organisationId, 'Organisation'));
      return { token, provisioning: Provisioning.from(ctx.config.publicUrl, entity) };
    });
  }

  @Authorized(Role.PROGRAMME_MANAGER, PLATFORM_ADMIN)
  @Mutation(() => RevokeScimTokenPayload, { description: 'Revoke the provisioning token: the provisioning client is refused from the next request.' })
  revokeScimToken(@InputArg(ScimTokenInput) input: ScimTokenInput, @Ctx() ctx: Context) {
    return mutate(RevokeScimTokenPayload, input, async () => {
      await new ScimTokenService(ctx).revoke(idOf(input.organisationId, 'Organisation'));
      return { provisioning: Provisioning.from(ctx.config.publicUrl, null) };
    });
  }
}
