import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from './person.entity';

/** What a person may do in one organisation. Platform admin is global, on the person. */
export enum Role {
  CO_LEARNER = 'CO_LEARNER',
  OWNER = 'OWNER',
  PROGRAMME_MANAGER = 'PROGRAMME_MANAGER',
  COMMUNITY_MEMBER = 'COMMUNITY_MEMBER',
  /** A board member who confirms an adoption where the owner has a conflict of interest. */
  SPONSOR = 'SPONSOR',
}

@Entity('membership')
@Index('membership_person_organisation_key', ['personId', 'organisationId'], { unique: true })
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Index('membership_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true })
  roles: Role[];

  /** e.g. "Director of People"; owners are chosen by it. */
  @Column({ name: 'job_title', type: 'text', nullable: true })
  jobTitle: string | null;

  /** The part of the organisation the person works in; corroboration is counted across divisions. */
  @Column({ type: 'text', nullable: true })
  division: string | null;

  /**
   * The person's grade as an ordered level, 1 (most junior) to 20 (most senior): the organisation's
   * own bands map onto it (e.g. NHS Agenda for Change band 2 → 2, 8a → 9). The matching assistant
   * pairs a senior with a junior by it.
   */
  @Column({ type: 'smallint', nullable: true })
  grade: number | null;

  /** The membership of the person's line manager in the same organisation; the chain is the reporting line. */
  @Index('membership_line_manager_idx')
  @Column({ name: 'line_manager_id', type: 'uuid', nullable: true })
  lineManagerId: string | null;

  @ManyToOne(() => MembershipEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'line_manager_id' })
  lineManager?: MembershipEntity;

  /**
   * Set when the organisation's provisioning client (SCIM) deactivated the person: they have no
   * access to the organisation until reactivated; their roles stay as a manager leaves them.
   */
  @Column({ name: 'deactivated_at', type: 'timestamptz', precision: 3, nullable: true })
  deactivatedAt: Date | null;

  /** The provisioning client's own id for the person (SCIM externalId), scoped to this organisation. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
