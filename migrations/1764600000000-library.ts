import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The community library: shared cases (with a trigger-maintained full-text search vector and its
 * GIN index), redaction flags, co-learners' consents, endorsements, and adaptations into other
 * organisations.
 */

export class Library1764600000000 implements MigrationInterface {
    name = 'Library1764600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."case_outcome" AS ENUM('ADOPTED', 'IN_PROGRESS', 'APPROVED', 'PROPOSED', 'NOT_ADOPTED')`);
        await queryRunner.query(`CREATE TYPE "public"."shared_case_status" AS ENUM('REDACTING', 'AWAITING_CONSENT', 'AWAITING_APPROVAL', 'PUBLISHED', 'UNPUBLISHED')`);
        await queryRunner.query(`CREATE TABLE "shared_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "source_barrier_id" uuid NOT NULL, "source_change_ids" uuid array NOT NULL DEFAULT '{}', "pair_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "title" text NOT NULL, "summary" text NOT NULL, "what_changed" text NOT NULL, "outcome_summary" text NOT NULL, "measures" jsonb NOT NULL DEFAULT '[]', "sector" "public"."sector" NOT NULL, "category" "public"."barrier_category" NOT NULL, "affected_groups" "public"."affected_group" array NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "outcome" "public"."case_outcome" NOT NULL, "status" "public"."shared_case_status" NOT NULL DEFAULT 'REDACTING', "show_organisation_name" boolean NOT NULL DEFAULT false, "approved_by_id" uuid, "published_at" TIMESTAMP(3) WITH TIME ZONE, "unpublished_at" TIMESTAMP(3) WITH TIME ZONE, "unpublished_reason" text, "search_vector" tsvector, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_13c42fa799136e58deb1925bfa1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "shared_case_source_barrier_key" ON "shared_case"  ("source_barrier_id") `);
        await queryRunner.query(`CREATE INDEX "shared_case_status_published_idx" ON "shared_case"  ("status", "published_at") `);
        await queryRunner.query(`CREATE INDEX "shared_case_organisation_created_idx" ON "shared_case"  ("organisation_id", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."case_text_field" AS ENUM('TITLE', 'SUMMARY', 'WHAT_CHANGED', 'OUTCOME', 'MEASURE')`);
        await queryRunner.query(`CREATE TYPE "public"."redaction_kind" AS ENUM('PERSON_NAME', 'EMAIL', 'PHONE', 'JOB_TITLE', 'SMALL_NUMBER')`);
        await queryRunner.query(`CREATE TYPE "public"."redaction_status" AS ENUM('OPEN', 'ACCEPTED', 'EDITED', 'DISMISSED')`);
        await queryRunner.query(`CREATE TABLE "case_redaction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "field" "public"."case_text_field" NOT NULL, "measure_index" integer, "kind" "public"."redaction_kind" NOT NULL, "found" text NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "proposed_replacement" text NOT NULL, "applied_replacement" text, "status" "public"."redaction_status" NOT NULL DEFAULT 'OPEN', "resolved_by_id" uuid, "resolved_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f894c120bd6109145d6767baa79" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "case_redaction_case_idx" ON "case_redaction"  ("case_id", "status") `);
        await queryRunner.query(`CREATE TABLE "case_consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_consent_case_person_key" UNIQUE ("case_id", "person_id"), CONSTRAINT "PK_5a20eb476db49688e58a2395098" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "case_endorsement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_endorsement_case_person_key" UNIQUE ("case_id", "person_id"), CONSTRAINT "PK_c748f2c3907bbed3f79fe243b7a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "case_adaptation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "pair_id" uuid NOT NULL, "barrier_id" uuid NOT NULL, "change_id" uuid NOT NULL, "adapted_by_id" uuid NOT NULL, "share_progress" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "case_adaptation_case_pair_key" UNIQUE ("case_id", "pair_id"), CONSTRAINT "PK_5a4f959703f2851cd8916d52d91" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "case_adaptation_case_created_idx" ON "case_adaptation"  ("case_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "shared_case" ADD CONSTRAINT "FK_84a84815e9498f5419f1325c875" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "shared_case" ADD CONSTRAINT "FK_ae7b9ab104d97c6e7deeb196ea6" FOREIGN KEY ("source_barrier_id") REFERENCES "barrier"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "shared_case" ADD CONSTRAINT "FK_383e26478276af0d805435e6abc" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_redaction" ADD CONSTRAINT "FK_bfeed543826ef0ea7015472c540" FOREIGN KEY ("case_id") REFERENCES "shared_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_consent" ADD CONSTRAINT "FK_7cbcbb2e483975939e5f8ccfe56" FOREIGN KEY ("case_id") REFERENCES "shared_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_consent" ADD CONSTRAINT "FK_6eb2b8afe83428f4cb6fef84de9" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_endorsement" ADD CONSTRAINT "FK_40dc3920bf521935f78643f07fa" FOREIGN KEY ("case_id") REFERENCES "shared_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_endorsement" ADD CONSTRAINT "FK_6d29cc4dbda6f54688fbc0039ee" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" ADD CONSTRAINT "FK_81e757985af586e44f440cd5334" FOREIGN KEY ("case_id") REFERENCES "shared_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" ADD CONSTRAINT "FK_ef01450f240452ec50bc72a15e3" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" ADD CONSTRAINT "FK_f8508734913004c31e8f43c52df" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" ADD CONSTRAINT "FK_b4f312137a7edcb4ea6aa9f72f3" FOREIGN KEY ("barrier_id") REFERENCES "barrier"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" ADD CONSTRAINT "FK_cc28947b7ae60449af0123b6b88" FOREIGN KEY ("change_id") REFERENCES "change_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Full-text search over cases: a trigger keeps search_vector current, a GIN index serves it.
        // Title and tags weigh most, then the story, then the outcome and the measures' names.
        await queryRunner.query(`CREATE FUNCTION shared_case_search_vector_update() RETURNS trigger AS $$
            BEGIN
                NEW.search_vector := setweight(to_tsvector('english', coalesce(NEW.title, '') || ' ' || array_to_string(NEW.tags, ' ')), 'A')
                                  || setweight(to_tsvector('english', coalesce(NEW.summary, '') || ' ' || coalesce(NEW.what_changed, '')), 'B')
                                  || setweight(to_tsvector('english', coalesce(NEW.outcome_summary, '') || ' '
                                        || coalesce((SELECT string_agg(m->>'metric', ' ') FROM jsonb_array_elements(NEW.measures) m), '')), 'C');
                RETURN NEW;
            END $$ LANGUAGE plpgsql`);
        await queryRunner.query(`CREATE TRIGGER shared_case_search_vector BEFORE INSERT OR UPDATE OF title, tags, summary, what_changed, outcome_summary, measures ON "shared_case" FOR EACH ROW EXECUTE FUNCTION shared_case_search_vector_update()`);
        await queryRunner.query(`CREATE INDEX "shared_case_search_idx" ON "shared_case" USING gin ("search_vector")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "shared_case_search_idx"`);
        await queryRunner.query(`DROP TRIGGER shared_case_search_vector ON "shared_case"`);
        await queryRunner.query(`DROP FUNCTION shared_case_search_vector_update()`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" DROP CONSTRAINT "FK_cc28947b7ae60449af0123b6b88"`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" DROP CONSTRAINT "FK_b4f312137a7edcb4ea6aa9f72f3"`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" DROP CONSTRAINT "FK_f8508734913004c31e8f43c52df"`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" DROP CONSTRAINT "FK_ef01450f240452ec50bc72a15e3"`);
        await queryRunner.query(`ALTER TABLE "case_adaptation" DROP CONSTRAINT "FK_81e757985af586e44f440cd5334"`);
        await queryRunner.query(`ALTER TABLE "case_endorsement" DROP CONSTRAINT "FK_6d29cc4dbda6f54688fbc0039ee"`);
        await queryRunner.query(`ALTER TABLE "case_endorsement" DROP CONSTRAINT "FK_40dc3920bf521935f78643f07fa"`);
        await queryRunner.query(`ALTER TABLE "case_consent" DROP CONSTRAINT "FK_6eb2b8afe83428f4cb6fef84de9"`);
        await queryRunner.query(`ALTER TABLE "case_consent" DROP CONSTRAINT "FK_7cbcbb2e483975939e5f8ccfe56"`);
        await queryRunner.query(`ALTER TABLE "case_redaction" DROP CONSTRAINT "FK_bfeed543826ef0ea7015472c540"`);
        await queryRunner.query(`ALTER TABLE "shared_case" DROP CONSTRAINT "FK_383e26478276af0d805435e6abc"`);
        await queryRunner.query(`ALTER TABLE "shared_case" DROP CONSTRAINT "FK_ae7b9ab104d97c6e7deeb196ea6"`);
        await queryRunner.query(`ALTER TABLE "shared_case" DROP CONSTRAINT "FK_84a84815e9498f5419f1325c875"`);
        await queryRunner.query(`DROP INDEX "public"."case_adaptation_case_created_idx"`);
        await queryRunner.query(`DROP TABLE "case_adaptation"`);
        await queryRunner.query(`DROP TABLE "case_endorsement"`);
        await queryRunner.query(`DROP TABLE "case_consent"`);
        await queryRunner.query(`DROP INDEX "public"."case_redaction_case_idx"`);
        await queryRunner.query(`DROP TABLE "case_redaction"`);
        await queryRunner.query(`DROP TYPE "public"."redaction_status"`);
        await queryRunner.query(`DROP TYPE "public"."redaction_kind"`);
        await queryRunner.query(`DROP TYPE "public"."case_text_field"`);
        await queryRunner.query(`DROP INDEX "public"."shared_case_organisation_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."shared_case_status_published_idx"`);
        await queryRunner.query(`DROP INDEX "public"."shared_case_source_barrier_key"`);
        await queryRunner.query(`DROP TABLE "shared_case"`);
        await queryRunner.query(`DROP TYPE "public"."shared_case_status"`);
        await queryRunner.query(`DROP TYPE "public"."case_outcome"`);
    }

}
