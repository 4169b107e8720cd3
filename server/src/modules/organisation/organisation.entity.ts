import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Sector {
  HEALTH = 'HEALTH',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  CENTRAL_GOVERNMENT = 'CENTRAL_GOVERNMENT',
  EDUCATION = 'EDUCATION',
  PRIVATE = 'PRIVATE',
  FINANCE = 'FINANCE',
  CHARITY = 'CHARITY',
  OTHER = 'OTHER',
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'enum', enum: Sector, enumName: 'sector' })
  sector: Sector;

  /** ISO 3166-1 alpha-2 country code. */
  @Column({ type: 'char', length: 2 })
  country: string;

  /** IANA time zone; daily digests go out in the morning here. */
  @Column({ name: 'time_zone', type: 'text', default: 'Europe/London' })
  timeZone: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
