import type { MigrationInterface, QueryRunner } from "typeorm";

/** A programme manager nudges a pair that has gone quiet: a notification kind that points at a pair. */

export class PairNudges1765200000000 implements MigrationInterface {
    name = 'PairNudges1765200000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'PAIR_NUDGED'`);
        await queryRunner.query(`ALTER TABLE "notification" ADD "pair_id" uuid`);
        await queryRunner.query(`CREATE INDEX "notification_pair_created_idx" ON "notification" ("pair_id", "created_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."notification_pair_created_idx"`);
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'PAIR_NUDGED'`);
        await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "pair_id"`);
        await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('CHANGE_SUBMITTED', 'CHANGE_DECIDED', 'CHANGE_STARTED', 'CHANGE_PROGRESSED', 'CHANGE_ADOPTED', 'COMMENT_ADDED', 'CASE_CONSENT_NEEDED', 'CASE_AWAITING_APPROVAL', 'CASE_PUBLISHED', 'CASE_UNPUBLISHED', 'CHANGE_OWNER_CHANGED')`);
        await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
        await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
    }

}
