import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Bulk onboarding and the matching assistant: a membership gains a grade (an ordered level, 1 most
 * junior) and a line manager (another membership; the chain is the reporting line); people opt in to
 * matching per programme with a profile; the assistant's proposals wait for the manager to confirm.
 */
export class MatchingAndReportingLines1796400000000 implements MigrationInterface {
    name = 'MatchingAndReportingLines1796400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "matching_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "topics" text array NOT NULL DEFAULT '{}', "availability" text array NOT NULL DEFAULT '{}', "hopes" text NOT NULL DEFAULT '', "volunteered_characteristics" text array NOT NULL DEFAULT '{}', "use_characteristics" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "matching_profile_programme_person_key" UNIQUE ("programme_id", "person_id"), CONSTRAINT "PK_584ac74f6ff5a7300efcd41357b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "matching_profile_organisation_idx" ON "matching_profile"  ("organisation_id") `);
        await queryRunner.query(`CREATE INDEX "matching_profile_person_idx" ON "matching_profile"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "matching_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "senior_id" uuid NOT NULL, "junior_id" uuid NOT NULL, "score" integer NOT NULL, "reasons" text array NOT NULL, "fixed" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3fda1dba073246745c5dd6fba3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "matching_proposal_programme_idx" ON "matching_proposal"  ("programme_id") `);
        await queryRunner.query(`ALTER TABLE "membership" ADD "grade" smallint`);
        await queryRunner.query(`ALTER TABLE "membership" ADD "line_manager_id" uuid`);
        await queryRunner.query(`CREATE INDEX "membership_line_manager_idx" ON "membership"  ("line_manager_id") `);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_55217b1dc1bcc106393088a8f7a" FOREIGN KEY ("line_manager_id") REFERENCES "membership"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "matching_profile" ADD CONSTRAINT "FK_1be9f1f10fe9b580ba17f3f08e3" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "matching_profile" ADD CONSTRAINT "FK_ea2366689f82b63f634c1400a3a" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "matching_proposal" ADD CONSTRAINT "FK_55ad7f5688e559f526f99d2feeb" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "matching_proposal" ADD CONSTRAINT "FK_5965d3657a04d9c3f348e45cf3b" FOREIGN KEY ("senior_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "matching_proposal" ADD CONSTRAINT "FK_cfe3ce40b9e0241a4b8abe247dd" FOREIGN KEY ("junior_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "matching_run" ("programme_id" uuid NOT NULL, "focus" text NOT NULL, "senior_from_grade" smallint, "ran_by_id" uuid, "ran_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fc37ae55d093d575d451b71c2b" PRIMARY KEY ("programme_id"))`);
        await queryRunner.query(`ALTER TABLE "matching_run" ADD CONSTRAINT "FK_4fc37ae55d093d575d451b71c2b" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "matching_run" DROP CONSTRAINT "FK_4fc37ae55d093d575d451b71c2b"`);
        await queryRunner.query(`DROP TABLE "matching_run"`);
        await queryRunner.query(`ALTER TABLE "matching_proposal" DROP CONSTRAINT "FK_cfe3ce40b9e0241a4b8abe247dd"`);
        await queryRunner.query(`ALTER TABLE "matching_proposal" DROP CONSTRAINT "FK_5965d3657a04d9c3f348e45cf3b"`);
        await queryRunner.query(`ALTER TABLE "matching_proposal" DROP CONSTRAINT "FK_55ad7f5688e559f526f99d2feeb"`);
        await queryRunner.query(`ALTER TABLE "matching_profile" DROP CONSTRAINT "FK_ea2366689f82b63f634c1400a3a"`);
        await queryRunner.query(`ALTER TABLE "matching_profile" DROP CONSTRAINT "FK_1be9f1f10fe9b580ba17f3f08e3"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_55217b1dc1bcc106393088a8f7a"`);
        await queryRunner.query(`DROP INDEX "public"."membership_line_manager_idx"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "line_manager_id"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "grade"`);
        await queryRunner.query(`DROP INDEX "public"."matching_proposal_programme_idx"`);
        await queryRunner.query(`DROP TABLE "matching_proposal"`);
        await queryRunner.query(`DROP INDEX "public"."matching_profile_person_idx"`);
        await queryRunner.query(`DROP INDEX "public"."matching_profile_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "matching_profile"`);
    }

}
