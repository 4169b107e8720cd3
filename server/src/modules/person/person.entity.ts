import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique across the platform. */
  @Index('person_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id hash; null until the person accepts their invitation. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /**
   * argon2id hash of the person's one recovery code, which lets them set a new password without
   * anyone else's help (there is no mail); used once. Null when they have none.
   */
  @Column({ name: 'recovery_code_hash', type: 'text', nullable: true })
  recoveryCodeHash: string | null;

  @Column({ name: 'is_platform_admin', type: 'boolean', default: false })
  isPlatformAdmin: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
