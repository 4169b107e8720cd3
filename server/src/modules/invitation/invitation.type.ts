import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay';
import { Role } from '../person/membership.entity';
import type { InvitationEntity } from './invitation.entity';
import type { IssuedInvitation } from './invitation.service';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  /** Withdrawn by a programme manager. */
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus', description: 'Where an invitation stands.' });

function statusOf(entity: InvitationEntity): InvitationStatus {
  if (entity.acceptedAt) return InvitationStatus.ACCEPTED;
  if (entity.revokedAt) return InvitationStatus.REVOKED;
  return entity.expiresAt <= new Date() ? InvitationStatus.EXPIRED : InvitationStatus.PENDING;
}

@ObjectType('Invitation', { implements: Node, description: 'An invitation to join an organisation with roles.' })
export class Invitation extends Node {
  entity: InvitationEntity;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => String, { nullable: true })
  division: string | null;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field()
  expiresAt: Date;

  @Field()
  createdAt: Date;

  static from(entity: InvitationEntity): Invitation {
    return Object.assign(new Invitation(), {
      entity,
      id: toGlobalId('Invitation', entity.id),
      email: entity.email,
      displayName: entity.displayName,
      roles: entity.roles,
      jobTitle: entity.jobTitle,
      division: entity.division,
      status: statusOf(entity),
      expiresAt: entity.expiresAt,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('IssuedInvitation', { description: 'A new invitation and the link to send to the invitee (no mail server is used).' })
export class IssuedInvitationType {
  @Field(() => Invitation)
  invitation: Invitation;

  @Field({ description: 'Open this link to accept; it is shown once and works once.' })
  acceptUrl: string;

  static from(issued: IssuedInvitation): IssuedInvitationType {
    return { invitation: Invitation.from(issued.invitation), acceptUrl: issued.acceptUrl };
  }
}

@ObjectType('InvitationPreview', { description: 'What an invitation link offers, shown before it is accepted.' })
export class InvitationPreview {
  @Field()
  organisationName: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field({ description: 'True when this email already has an account: accept with its password.' })
  hasAccount: boolean;

  static from(entity: InvitationEntity, hasAccount: boolean): InvitationPreview {
    return {
      organisationName: entity.organisation?.name ?? '',
      email: entity.email,
      displayName: entity.displayName,
      roles: entity.roles,
      status: statusOf(entity),
      hasAccount,
    };
  }
}
