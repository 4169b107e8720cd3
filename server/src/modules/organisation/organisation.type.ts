import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay';
import { type OrganisationEntity, Sector } from './organisation.entity';

registerEnumType(Sector, { name: 'Sector', description: 'The sector an organisation works in.' });

@ObjectType('Organisation', { implements: Node, description: 'An organisation that runs co-learning programmes.' })
export class Organisation extends Node {
  /** Database id, for field resolvers; not part of the API. */
  entity: OrganisationEntity;

  @Field()
  name: string;

  @Field({ description: 'Short unique name used in links.' })
  slug: string;

  @Field(() => Sector)
  sector: Sector;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country: string;

  @Field()
  createdAt: Date;

  static from(entity: OrganisationEntity): Organisation {
    return Object.assign(new Organisation(), {
      entity,
      id: toGlobalId('Organisation', entity.id),
      name: entity.name,
      slug: entity.slug,
      sector: entity.sector,
      country: entity.country,
      createdAt: entity.createdAt,
    });
  }
}
