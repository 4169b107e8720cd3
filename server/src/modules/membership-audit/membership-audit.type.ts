import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../common/relay';
import { Role } from '../person/membership.entity';
import { MembershipAuditKind, MembershipAuditVia, type MembershipAuditEntity } from './membership-audit.entity';

registerEnumType(MembershipAuditKind, { name: 'MembershipAuditKind', description: 'What happened to someone\'s membership.' });
registerEnumType(MembershipAuditVia, {
  name: 'MembershipAuditVia',
  description: 'How it happened, when not by hand in the app.',
  valuesConfig: {
    SINGLE_SIGN_ON: { description: "On the person's first sign-in through the organisation's identity provider." },
    PROVISIONING: { description: "By the organisation's provisioning client (SCIM), such as its HR system through Entra ID." },
  },
});

@ObjectType('MembershipAuditEntry', { description: 'One entry in an organisation\'s membership history.' })
export class MembershipAuditEntry {
  entity: MembershipAuditEntity;

  @Field(() => MembershipAuditKind)
  kind: MembershipAuditKind;

  @Field({ description: 'Who it was about, as they were named then.' })
  subjectName: string;

  @Field()
  subjectEmail: string;

  @Field(() => [Role], { nullable: true })
  rolesBefore: Role[] | null;

  @Field(() => [Role], { nullable: true })
  rolesAfter: Role[] | null;

  @Field(() => MembershipAuditVia, { nullable: true, description: 'Null when done by hand in the app.' })
  via: MembershipAuditVia | null;

  @Field()
  at: Date;

  static from(entity: MembershipAuditEntity): MembershipAuditEntry {
    return Object.assign(new MembershipAuditEntry(), {
      entity,
      kind: entity.kind,
      subjectName: entity.subjectName,
      subjectEmail: entity.subjectEmail,
      rolesBefore: entity.rolesBefore,
      rolesAfter: entity.rolesAfter,
      via: entity.via,
      at: entity.createdAt,
    });
  }
}

@ObjectType('MembershipAuditEntryConnection')
export class MembershipAuditEntryConnection extends Connection(MembershipAuditEntry, 'MembershipAuditEntry') {}
