import type { MigrationInterface, QueryRunner } from "typeorm";

/** A programme manager hands a change to another owner: a history event and a notification for it. */

export class ChangeOwnerReassignment1765000000000 implements MigrationInterface {
    name = 'ChangeOwnerReassignment1765000000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE 'CHANGE_OWNER_CHANGED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CHANGE_OWNER_CHANGED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" = 'CHANGE_OWNER_CHANGED'`);
        await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('CHANGE_SUBMITTED', 'CHANGE_DECIDED', 'CHANGE_STARTED', 'CHANGE_PROGRESSED', 'CHANGE_ADOPTED', 'COMMENT_ADDED', 'CASE_CONSENT_NEEDED', 'CASE_AWAITING_APPROVAL', 'CASE_PUBLISHED', 'CASE_UNPUBLISHED')`);
        await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
        await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
        // The history is append-only (a trigger refuses DELETE), so its enum keeps the value.
    }

}
