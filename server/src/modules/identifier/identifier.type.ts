import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { IdentifierKind, type OrganisationIdentifierEntity } from './identifier.entity';

registerEnumType(IdentifierKind, {
  name: 'IdentifierKind',
  description: 'What an entry in an organisation\'s list of identifiers names.',
  valuesConfig: {
    SHORT_FORM: { description: 'A short form or acronym of the organisation\'s name ("NHT").' },
    ALIAS: { description: 'Another name people use for the organisation ("Northshore General").' },
    SITE: { description: 'A site, hospital, building or office.' },
    WARD: { description: 'A ward or unit.' },
    DEPARTMENT: { description: 'A department, directorate or team.' },
  },
});

@ObjectType('OrganisationIdentifier', {
  implements: Node,
  description: 'Something that identifies an organisation: the redaction assistant flags it in case text.',
})
export class OrganisationIdentifier extends Node {
  entity: OrganisationIdentifierEntity;

  @Field(() => IdentifierKind)
  kind: IdentifierKind;

  @Field({ description: 'As the programme manager wrote it; matched in any case, spacing and punctuation.' })
  value: string;

  @Field({ description: 'When it was added.' })
  createdAt: Date;

  static from(entity: OrganisationIdentifierEntity): OrganisationIdentifier {
    return Object.assign(new OrganisationIdentifier(), {
      entity,
      id: toGlobalId('OrganisationIdentifier', entity.id),
      kind: entity.kind,
      value: entity.value,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('OrganisationIdentifierConnection')
export class OrganisationIdentifierConnection extends Connection(OrganisationIdentifier, 'OrganisationIdentifier') {}
