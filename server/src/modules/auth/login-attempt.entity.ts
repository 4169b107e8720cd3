import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, kept in the database so the rate limit holds across server instances. */
@Entity('login_attempt')
@Index('login_attempt_email_at_idx', ['email', 'at'])
@Index('login_attempt_ip_at_idx', ['ip', 'at'])
@Index('login_attempt_device_at_idx', ['device', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  /**
   * The id of the trusted device (device-trust.ts) the attempt came from, or null. Attempts from a
   * trusted device count against that device only, not the account or the address.
   */
  @Column({ type: 'text', nullable: true })
  device: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
