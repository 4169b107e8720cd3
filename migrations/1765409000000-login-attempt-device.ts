import type { MigrationInterface, QueryRunner } from "typeorm";

/** Failed sign-ins from a trusted device (a signed device cookie) count against that device, not the account or address. */

export class LoginAttemptDevice1765409000000 implements MigrationInterface {
    name = 'LoginAttemptDevice1765409000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "login_attempt" ADD "device" text`);
        await queryRunner.query(`CREATE INDEX "login_attempt_device_at_idx" ON "login_attempt"  ("device", "at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."login_attempt_device_at_idx"`);
        await queryRunner.query(`ALTER TABLE "login_attempt" DROP COLUMN "device"`);
    }

}
