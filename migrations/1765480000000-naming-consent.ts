import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A barrier raised as named waits for the other co-learner's agreement, and is stored ANONYMOUS
 * until then; co-learners hear when they are matched, when a contract awaits them, when a barrier is
 * raised in their pair's name and when their partner logs a session.
 *
 * Barriers already named were named without asking the other co-learner: they become anonymous with
 * the agreement pending, and the partner finds the request under "Needs your attention".
 */
export class NamingConsent1765480000000 implements MigrationInterface {
    name = 'NamingConsent1765480000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."barrier_naming_consent" AS ENUM('PENDING', 'AGREED', 'DECLINED')`);
        await queryRunner.query(`ALTER TABLE "barrier" ADD "naming_consent" "public"."barrier_naming_consent"`);
        await queryRunner.query(`ALTER TABLE "barrier" ADD "naming_answered_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`UPDATE "barrier" SET "attribution" = 'ANONYMOUS', "naming_consent" = 'PENDING' WHERE "attribution" = 'NAMED'`);
        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE IF NOT EXISTS 'BARRIER_NAMED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'PAIR_MATCHED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CONTRACT_AWAITING_AGREEMENT'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BARRIER_RAISED_FOR_PAIR'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'BARRIER_NAMING_ANSWERED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'SESSION_LOGGED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('PAIR_MATCHED', 'CONTRACT_AWAITING_AGREEMENT', 'BARRIER_RAISED_FOR_PAIR', 'BARRIER_NAMING_ANSWERED', 'SESSION_LOGGED')`);
        await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('CHANGE_SUBMITTED', 'CHANGE_DECIDED', 'CHANGE_STARTED', 'CHANGE_PROGRESSED', 'CHANGE_ADOPTED', 'COMMENT_ADDED', 'CASE_CONSENT_NEEDED', 'CASE_AWAITING_APPROVAL', 'CASE_PUBLISHED', 'CASE_UNPUBLISHED', 'CHANGE_OWNER_CHANGED', 'PAIR_NUDGED')`);
        await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
        await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
        // The history is append-only (a trigger refuses DELETE), so its enum keeps BARRIER_NAMED.
        // Before this migration a barrier asked to be named simply was.
        await queryRunner.query(`UPDATE "barrier" SET "attribution" = 'NAMED' WHERE "naming_consent" = 'PENDING'`);
        await queryRunner.query(`ALTER TABLE "barrier" DROP COLUMN "naming_answered_at"`);
        await queryRunner.query(`ALTER TABLE "barrier" DROP COLUMN "naming_consent"`);
        await queryRunner.query(`DROP TYPE "public"."barrier_naming_consent"`);
    }

}
