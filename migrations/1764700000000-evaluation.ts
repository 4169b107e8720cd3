import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The end-of-programme questionnaire: one per programme; who has responded (participation) is kept
 * apart from what was answered (responses carry a group, never a person or a timestamp).
 */

export class Evaluation1764700000000 implements MigrationInterface {
    name = 'Evaluation1764700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."questionnaire_status" AS ENUM('OPEN', 'CLOSED')`);
        await queryRunner.query(`CREATE TABLE "questionnaire" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "title" text NOT NULL, "items" jsonb NOT NULL, "status" "public"."questionnaire_status" NOT NULL DEFAULT 'OPEN', "opened_by_id" uuid NOT NULL, "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_e8232a11eaabac903636eb7e71e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "questionnaire_organisation_idx" ON "questionnaire"  ("organisation_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "questionnaire_programme_key" ON "questionnaire"  ("programme_id") `);
        await queryRunner.query(`CREATE TABLE "questionnaire_participation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "questionnaire_id" uuid NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "questionnaire_participation_person_key" UNIQUE ("questionnaire_id", "person_id"), CONSTRAINT "PK_626730efa5988100a4479f7b657" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."respondent_group" AS ENUM('SENIOR', 'JUNIOR')`);
        await queryRunner.query(`CREATE TABLE "questionnaire_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "questionnaire_id" uuid NOT NULL, "respondent_group" "public"."respondent_group" NOT NULL, "likert" jsonb NOT NULL DEFAULT '{}', "texts" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_0ab4c2dfd517c5aa24e6e385523" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "questionnaire_response_questionnaire_idx" ON "questionnaire_response"  ("questionnaire_id") `);
        await queryRunner.query(`ALTER TABLE "questionnaire" ADD CONSTRAINT "FK_196d95d3b946114152b0b194861" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "questionnaire_participation" ADD CONSTRAINT "FK_ee04ba01a7ebb72e52147c06bc9" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "questionnaire_participation" ADD CONSTRAINT "FK_b7a523922de621f6b634c929f48" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "questionnaire_response" ADD CONSTRAINT "FK_19d56ab4b70a0fdcdc1883951ed" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "questionnaire_response" DROP CONSTRAINT "FK_19d56ab4b70a0fdcdc1883951ed"`);
        await queryRunner.query(`ALTER TABLE "questionnaire_participation" DROP CONSTRAINT "FK_b7a523922de621f6b634c929f48"`);
        await queryRunner.query(`ALTER TABLE "questionnaire_participation" DROP CONSTRAINT "FK_ee04ba01a7ebb72e52147c06bc9"`);
        await queryRunner.query(`ALTER TABLE "questionnaire" DROP CONSTRAINT "FK_196d95d3b946114152b0b194861"`);
        await queryRunner.query(`DROP INDEX "public"."questionnaire_response_questionnaire_idx"`);
        await queryRunner.query(`DROP TABLE "questionnaire_response"`);
        await queryRunner.query(`DROP TYPE "public"."respondent_group"`);
        await queryRunner.query(`DROP TABLE "questionnaire_participation"`);
        await queryRunner.query(`DROP INDEX "public"."questionnaire_programme_key"`);
        await queryRunner.query(`DROP INDEX "public"."questionnaire_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "questionnaire"`);
        await queryRunner.query(`DROP TYPE "public"."questionnaire_status"`);
    }

}
