import type { MigrationInterface, QueryRunner } from "typeorm";

/** A programme manager can withdraw an invitation that has not been accepted. */

export class InvitationRevocation1764900000000 implements MigrationInterface {
    name = 'InvitationRevocation1764900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "invitation" ADD "revoked_at" TIMESTAMP(3) WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "revoked_at"`);
    }

}
