import type { MigrationInterface, QueryRunner } from "typeorm";

/** Notifications about shared cases: consent needed, approval needed, published, unpublished. */

export class CaseNotifications1764800000000 implements MigrationInterface {
    name = 'CaseNotifications1764800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" ADD "shared_case_id" uuid`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CASE_CONSENT_NEEDED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CASE_AWAITING_APPROVAL'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CASE_PUBLISHED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CASE_UNPUBLISHED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind"::text LIKE 'CASE_%'`);
        await queryRunner.query(`CREATE TYPE "public"."notification_kind_old" AS ENUM('CHANGE_SUBMITTED', 'CHANGE_DECIDED', 'CHANGE_STARTED', 'CHANGE_PROGRESSED', 'CHANGE_ADOPTED', 'COMMENT_ADDED')`);
        await queryRunner.query(`ALTER TABLE "notification" ALTER COLUMN "kind" TYPE "public"."notification_kind_old" USING "kind"::"text"::"public"."notification_kind_old"`);
        await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind_old" RENAME TO "notification_kind"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "shared_case_id"`);
    }

}
