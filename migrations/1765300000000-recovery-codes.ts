import type { MigrationInterface, QueryRunner } from "typeorm";

/** A person's recovery code (its hash), for setting a new password without anyone else's help. */

export class RecoveryCodes1765300000000 implements MigrationInterface {
    name = 'RecoveryCodes1765300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" ADD "recovery_code_hash" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "recovery_code_hash"`);
    }

}
