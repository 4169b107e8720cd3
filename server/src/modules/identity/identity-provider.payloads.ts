import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { IdentityProvider } from './identity-provider.type';

@ObjectType({ description: 'The identity provider after the change, or userErrors saying why not (for a failed test, what is wrong).' })
export class IdentityProviderPayload extends MutationPayload {
  @Field(() => IdentityProvider, { nullable: true })
  identityProvider?: IdentityProvider | null;
}
