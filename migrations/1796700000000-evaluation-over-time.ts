import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Evaluation over time (issue 15): an organisation's question bank, and several questionnaires per
 * programme, one per phase (baseline, mid-point, closing). Existing questionnaires become the
 * programme's CLOSING one. Standard questions are put into an organisation's bank the first time
 * the bank is read (EvaluationService.bank), so new organisations need nothing here.
 */
export class EvaluationOverTime1796700000000 implements MigrationInterface {
    name = 'EvaluationOverTime1796700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."questionnaire_programme_key"`);
        await queryRunner.query(`CREATE TYPE "public"."question_kind" AS ENUM('LIKERT', 'TEXT')`);
        await queryRunner.query(`CREATE TABLE "question_bank_question" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" "public"."question_kind" NOT NULL, "prompt" text NOT NULL, "standard" boolean NOT NULL DEFAULT false, "added_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "question_bank_question_prompt_key" UNIQUE ("organisation_id", "prompt"), CONSTRAINT "PK_9d90cc945a01251f3b56280f6b7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."questionnaire_phase" AS ENUM('BASELINE', 'MID_POINT', 'CLOSING')`);
        await queryRunner.query(`ALTER TABLE "questionnaire" ADD "phase" "public"."questionnaire_phase" NOT NULL DEFAULT 'CLOSING'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "questionnaire_programme_phase_key" ON "questionnaire"  ("programme_id", "phase") `);
        await queryRunner.query(`ALTER TABLE "question_bank_question" ADD CONSTRAINT "FK_5f93b88429fe14b4084d149e955" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "question_bank_question" DROP CONSTRAINT "FK_5f93b88429fe14b4084d149e955"`);
        await queryRunner.query(`DROP INDEX "public"."questionnaire_programme_phase_key"`);
        // Back to one questionnaire per programme: only the closing ones survive.
        await queryRunner.query(`DELETE FROM "questionnaire" WHERE "phase" <> 'CLOSING'`);
        await queryRunner.query(`ALTER TABLE "questionnaire" DROP COLUMN "phase"`);
        await queryRunner.query(`DROP TYPE "public"."questionnaire_phase"`);
        await queryRunner.query(`DROP TABLE "question_bank_question"`);
        await queryRunner.query(`DROP TYPE "public"."question_kind"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "questionnaire_programme_key" ON "questionnaire" USING btree ("programme_id") `);
    }
}
