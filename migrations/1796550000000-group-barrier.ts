import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 14: a barrier raised on behalf of a held group session's set. It keeps its raising pair
 * (hidden like any anonymous barrier) and records the set; the set's other pairs are told.
 */
export class GroupBarrier1796550000000 implements MigrationInterface {
    name = 'GroupBarrier1796550000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "barrier" ADD "raised_for_group_session_id" uuid`);
        await queryRunner.query(`CREATE INDEX "barrier_group_session_idx" ON "barrier" ("raised_for_group_session_id") `);
        await queryRunner.query(`ALTER TABLE "barrier" ADD CONSTRAINT "FK_barrier_group_session" FOREIGN KEY ("raised_for_group_session_id") REFERENCES "group_session"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'BARRIER_RAISED_FOR_SET'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind"::text = 'BARRIER_RAISED_FOR_SET'`);
        await queryRunner.query(`ALTER TABLE "barrier" DROP CONSTRAINT "FK_barrier_group_session"`);
        await queryRunner.query(`DROP INDEX "public"."barrier_group_session_idx"`);
        await queryRunner.query(`ALTER TABLE "barrier" DROP COLUMN "raised_for_group_session_id"`);
    }
}
