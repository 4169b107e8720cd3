import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';

/** What an entry in an organisation's list of identifiers names. The organisation's own name is always on the list. */
export enum IdentifierKind {
  SHORT_FORM = 'SHORT_FORM',
  ALIAS = 'ALIAS',
  SITE = 'SITE',
  WARD = 'WARD',
  DEPARTMENT = 'DEPARTMENT',
}

/**
 * One thing that identifies an organisation ("NHT", "Northshore General", "Maple Ward"): the
 * redaction assistant flags it in case text, and the library's search never finds the
 * organisation's cases by a name, short form or alias of it.
 */
@Entity('organisation_identifier')
@Index('organisation_identifier_value_key', ['organisationId', 'normalised'], { unique: true })
export class OrganisationIdentifierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: IdentifierKind, enumName: 'identifier_kind' })
  kind: IdentifierKind;

  @Column({ type: 'text' })
  value: string;

  /** The value lower-cased and single-spaced: one entry per spelling. */
  @Column({ type: 'text' })
  normalised: string;

  @Column({ name: 'added_by_id', type: 'uuid' })
  addedById: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** Kinds that name the organisation itself (and so keep its cases out of a search for them). */
export const NAMES_THE_ORGANISATION = [IdentifierKind.SHORT_FORM, IdentifierKind.ALIAS];

export const normaliseIdentifier = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');
