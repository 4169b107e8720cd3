import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Designing a programme (issue 13): the template it came from and its wording, a month-by-month
 * curriculum, training modules per side with completions, and the programme manager's guide.
 */
export class ProgrammeDesign1796300000000 implements MigrationInterface {
    name = 'ProgrammeDesign1796300000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "programme_design" ("programme_id" uuid NOT NULL, "template_key" text, "senior_label" text NOT NULL, "junior_label" text NOT NULL, "training_required" boolean NOT NULL DEFAULT false, "milestones" jsonb NOT NULL DEFAULT '[]', "closing_questionnaire" jsonb, CONSTRAINT "PK_programme_design" PRIMARY KEY ("programme_id"))`);
        await queryRunner.query(`ALTER TABLE "programme_design" ADD CONSTRAINT "FK_9fb6f50fcec1bf0b9e349909c0b" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        await queryRunner.query(`CREATE TABLE "curriculum_month" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "month" integer NOT NULL, "topic" text NOT NULL, "guidance" text NOT NULL DEFAULT '', "resources" jsonb NOT NULL DEFAULT '[]', "prompts" text array NOT NULL DEFAULT '{}', CONSTRAINT "curriculum_month_programme_month_key" UNIQUE ("programme_id", "month"), CONSTRAINT "PK_curriculum_month" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "curriculum_month" ADD CONSTRAINT "FK_9c5ebbae88098c248df671424f6" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        await queryRunner.query(`CREATE TYPE "public"."training_side" AS ENUM('SENIOR', 'JUNIOR', 'BOTH')`);
        await queryRunner.query(`CREATE TABLE "training_module" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "side" "public"."training_side" NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "expected_hours" real NOT NULL DEFAULT 0, "position" integer NOT NULL DEFAULT 0, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_training_module" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "training_module_programme_idx" ON "training_module" ("programme_id") `);
        await queryRunner.query(`ALTER TABLE "training_module" ADD CONSTRAINT "FK_9fd507c547db69fae000d57f5de" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "training_completion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "module_id" uuid NOT NULL, "person_id" uuid NOT NULL, "recorded_by_id" uuid NOT NULL, "completed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "training_completion_module_person_key" UNIQUE ("module_id", "person_id"), CONSTRAINT "PK_training_completion" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "training_completion_person_idx" ON "training_completion" ("person_id") `);
        await queryRunner.query(`ALTER TABLE "training_completion" ADD CONSTRAINT "FK_b8ca17187bb78df1c16fb58cec2" FOREIGN KEY ("module_id") REFERENCES "training_module"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_completion" ADD CONSTRAINT "FK_0ecf37ec543b3ad696823a41dc2" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        await queryRunner.query(`CREATE TYPE "public"."guide_step_key" AS ENUM('RECRUIT', 'TRAIN', 'MATCH', 'LAUNCH', 'MID_POINT', 'EVALUATE', 'REPORT', 'CELEBRATE')`);
        await queryRunner.query(`CREATE TABLE "guide_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "key" "public"."guide_step_key" NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "guidance" text NOT NULL DEFAULT '', "due_month" integer, "marked_done_at" TIMESTAMP(3) WITH TIME ZONE, "marked_done_by_id" uuid, CONSTRAINT "guide_step_programme_key" UNIQUE ("programme_id", "key"), CONSTRAINT "PK_guide_step" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "guide_step" ADD CONSTRAINT "FK_51c9f053497f7d73168b1bbca6b" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE IF NOT EXISTS 'TRAINING_COMPLETED'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The history is append-only (a trigger refuses DELETE), so its enum keeps TRAINING_COMPLETED.
        await queryRunner.query(`DROP TABLE "guide_step"`);
        await queryRunner.query(`DROP TYPE "public"."guide_step_key"`);
        await queryRunner.query(`DROP TABLE "training_completion"`);
        await queryRunner.query(`DROP TABLE "training_module"`);
        await queryRunner.query(`DROP TYPE "public"."training_side"`);
        await queryRunner.query(`DROP TABLE "curriculum_month"`);
        await queryRunner.query(`DROP TABLE "programme_design"`);
    }

}
