import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';
import { Role } from '../person/membership.entity';

export enum MembershipAuditKind {
  INVITED = 'INVITED',
  INVITATION_WITHDRAWN = 'INVITATION_WITHDRAWN',
  JOINED = 'JOINED',
  DETAILS_CHANGED = 'DETAILS_CHANGED',
  REMOVED = 'REMOVED',
  DEACTIVATED = 'DEACTIVATED',
  REACTIVATED = 'REACTIVATED',
}

/** How it happened, when not by a person's own hand in the app. */
export enum MembershipAuditVia {
  SINGLE_SIGN_ON = 'SINGLE_SIGN_ON',
  PROVISIONING = 'PROVISIONING',
}

/**
 * Who let whom in, changed their roles, or removed them: an organisation's programme managers
 * answer for it. Append-only, like the change history (a trigger refuses UPDATE and DELETE); the
 * person's name is kept as it was, since a removed person's membership is gone.
 */
@Entity('membership_audit')
@Index('membership_audit_organisation_idx', ['organisationId', 'createdAt'])
export class MembershipAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity)
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: MembershipAuditKind, enumName: 'membership_audit_kind' })
  kind: MembershipAuditKind;

  /** Null when the organisation's provisioning client (SCIM) did it. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'enum', enum: MembershipAuditVia, enumName: 'membership_audit_via', nullable: true })
  via: MembershipAuditVia | null;

  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'actor_id' })
  actor?: PersonEntity;

  /** Who it was about: their name and address then. */
  @Column({ name: 'subject_name', type: 'text' })
  subjectName: string;

  @Column({ name: 'subject_email', type: 'text' })
  subjectEmail: string;

  @Column({ name: 'roles_before', type: 'enum', enum: Role, enumName: 'role', array: true, nullable: true })
  rolesBefore: Role[] | null;

  @Column({ name: 'roles_after', type: 'enum', enum: Role, enumName: 'role', array: true, nullable: true })
  rolesAfter: Role[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
