import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 15, part 1: adoption confirmed by someone accountable (a new ADOPTION_REQUESTED status and
 * the SPONSOR role), sustainment reviews scheduled at adoption (programme.review_months), and each
 * measure's values kept as an append-only series.
 */
export class Sustainment1796600000000 implements MigrationInterface {
    name = 'Sustainment1796600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sustainment_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "change_id" uuid NOT NULL, "months" integer NOT NULL, "due_on" date NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE, "recorded_by_id" uuid, "in_force" boolean, "note" text, "missed_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e90f574366eb19ba3ad6de2580b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "sustainment_review_due_idx" ON "sustainment_review"  ("due_on") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "sustainment_review_change_months_key" ON "sustainment_review"  ("change_id", "months") `);
        await queryRunner.query(`CREATE TYPE "public"."measure_value_source" AS ENUM('ADOPTION', 'REVIEW')`);
        await queryRunner.query(`CREATE TABLE "measure_value" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "change_id" uuid NOT NULL, "review_id" uuid, "metric" text NOT NULL, "value" double precision NOT NULL, "source" "public"."measure_value_source" NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_066da64f0071f7e2658da9fcb28" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "measure_value_change_idx" ON "measure_value"  ("change_id", "recorded_at") `);
        await queryRunner.query(`ALTER TABLE "programme" ADD "review_months" integer array NOT NULL DEFAULT '{6,12}'`);
        await queryRunner.query(`ALTER TYPE "public"."change_status" ADD VALUE 'ADOPTION_REQUESTED'`);
        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE 'CHANGE_ADOPTION_REQUESTED'`);
        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE 'CHANGE_ADOPTION_DECLINED'`);
        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE 'CHANGE_REVIEW_RECORDED'`);
        await queryRunner.query(`ALTER TYPE "public"."event_kind" ADD VALUE 'CHANGE_REVIEW_MISSED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CHANGE_ADOPTION_REQUESTED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CHANGE_ADOPTION_DECLINED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'SUSTAINMENT_REVIEW_MISSED'`);
        await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE 'CHANGE_LAPSED'`);
        await queryRunner.query(`ALTER TYPE "public"."role" ADD VALUE 'SPONSOR'`);
        await queryRunner.query(`ALTER TABLE "sustainment_review" ADD CONSTRAINT "FK_d671d0637d3ae3fe72b4b3e7bdd" FOREIGN KEY ("change_id") REFERENCES "change_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "measure_value" ADD CONSTRAINT "FK_463e1863dee3e44e6d00c8ad716" FOREIGN KEY ("change_id") REFERENCES "change_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // A series is never overwritten: refuse UPDATE, and DELETE unless it cascades from the change
        // itself being deleted (a cascade runs inside the foreign key's own trigger, one level down).
        await queryRunner.query(`CREATE FUNCTION measure_value_is_append_only() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'UPDATE' OR pg_trigger_depth() < 2 THEN
                    RAISE EXCEPTION 'measure values are append-only';
                END IF;
                RETURN OLD;
            END $$ LANGUAGE plpgsql`);
        await queryRunner.query(`CREATE TRIGGER measure_value_append_only BEFORE UPDATE OR DELETE ON "measure_value" FOR EACH ROW EXECUTE FUNCTION measure_value_is_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER measure_value_append_only ON "measure_value"`);
        await queryRunner.query(`DROP FUNCTION measure_value_is_append_only()`);
        await queryRunner.query(`ALTER TABLE "measure_value" DROP CONSTRAINT "FK_463e1863dee3e44e6d00c8ad716"`);
        await queryRunner.query(`ALTER TABLE "sustainment_review" DROP CONSTRAINT "FK_d671d0637d3ae3fe72b4b3e7bdd"`);
        // PostgreSQL cannot drop an enum value; the values added above stay, unused once the rows
        // that held them are moved back to what the previous code knows.
        await queryRunner.query(`UPDATE "change_proposal" SET "status" = 'IN_PROGRESS' WHERE "status" = 'ADOPTION_REQUESTED'`);
        await queryRunner.query(`UPDATE "membership" SET "roles" = array_remove("roles", 'SPONSOR')`);
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind" IN ('CHANGE_ADOPTION_REQUESTED', 'CHANGE_ADOPTION_DECLINED', 'SUSTAINMENT_REVIEW_MISSED', 'CHANGE_LAPSED')`);
        await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "review_months"`);
        await queryRunner.query(`DROP INDEX "public"."measure_value_change_idx"`);
        await queryRunner.query(`DROP TABLE "measure_value"`);
        await queryRunner.query(`DROP TYPE "public"."measure_value_source"`);
        await queryRunner.query(`DROP INDEX "public"."sustainment_review_change_months_key"`);
        await queryRunner.query(`DROP INDEX "public"."sustainment_review_due_idx"`);
        await queryRunner.query(`DROP TABLE "sustainment_review"`);
    }
}
