import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';

export enum ProgrammeStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

/** How often a pair is expected to meet. */
export enum Cadence {
  WEEKLY = 'WEEKLY',
  FORTNIGHTLY = 'FORTNIGHTLY',
  MONTHLY = 'MONTHLY',
  BIMONTHLY = 'BIMONTHLY',
}

/** A cohort of co-learning pairs in one organisation. */
@Entity('programme')
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('programme_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'session_cadence', type: 'enum', enum: Cadence, enumName: 'cadence' })
  sessionCadence: Cadence;

  @Column({ type: 'enum', enum: ProgrammeStatus, enumName: 'programme_status', default: ProgrammeStatus.PLANNED })
  status: ProgrammeStatus;

  /** When adopted changes are reviewed: months after adoption is confirmed. */
  @Column({ name: 'review_months', type: 'int', array: true, default: () => "'{6,12}'" })
  reviewMonths: number[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
