import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';

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

  /**
   * argon2id hash; null until the person accepts their invitation. Like the recovery code's hash,
   * never read unless asked for (personWithSecrets): a person read for a board, a loader or a
   * sign-in leaves it in the database.
   */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /**
   * argon2id hash of the person's one recovery code, which lets them set a new password without
   * anyone else's help (there is no mail); used once. Null when they have none.
   */
  @Column({ name: 'recovery_code_hash', type: 'text', nullable: true, select: false })
  recoveryCodeHash: string | null;

  @Column({ name: 'is_platform_admin', type: 'boolean', default: false })
  isPlatformAdmin: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** The person with `email` (or `id`) and their password and recovery-code hashes: for checking a password or a code, or copying one. */
export function personWithSecrets(manager: Pick<EntityManager, 'getRepository'>, where: { email: string } | { id: string }): Promise<PersonEntity | null> {
  return manager
    .getRepository(PersonEntity)
    .createQueryBuilder('person')
    .addSelect(['person.passwordHash', 'person.recoveryCodeHash'])
    .where(where)
    .getOne();
}
