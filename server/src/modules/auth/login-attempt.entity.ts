import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, kept in the database so the rate limit holds across server instances. */
@Entity('login_attempt')
@Index('login_attempt_email_at_idx', ['email', 'at'])
@Index('login_attempt_ip_at_idx', ['ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
