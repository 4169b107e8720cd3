import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Programmes, pairs, contracts and sessions; barriers and corroborations; changes, decisions,
 * comments, notifications; and the append-only event history.
 */

export class CoLearning1764500000000 implements MigrationInterface {
    name = 'CoLearning1764500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."cadence" AS ENUM('WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'BIMONTHLY')`);
        await queryRunner.query(`CREATE TYPE "public"."programme_status" AS ENUM('PLANNED', 'ACTIVE', 'CLOSED')`);
        await queryRunner.query(`CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "description" text, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "session_cadence" "public"."cadence" NOT NULL, "status" "public"."programme_status" NOT NULL DEFAULT 'PLANNED', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "programme_organisation_idx" ON "programme"  ("organisation_id") `);
        await queryRunner.query(`CREATE TYPE "public"."pair_status" AS ENUM('PROPOSED', 'ACTIVE', 'COMPLETED', 'ENDED')`);
        await queryRunner.query(`CREATE TABLE "pair" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "senior_id" uuid NOT NULL, "junior_id" uuid NOT NULL, "status" "public"."pair_status" NOT NULL DEFAULT 'PROPOSED', "ended_reason" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3eaf216329c5c50aedb94fa797e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "pair_organisation_idx" ON "pair"  ("organisation_id") `);
        await queryRunner.query(`CREATE INDEX "pair_junior_idx" ON "pair"  ("junior_id") `);
        await queryRunner.query(`CREATE INDEX "pair_senior_idx" ON "pair"  ("senior_id") `);
        await queryRunner.query(`CREATE INDEX "pair_programme_idx" ON "pair"  ("programme_id") `);
        await queryRunner.query(`CREATE TABLE "contract_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pair_id" uuid NOT NULL, "version" integer NOT NULL, "focus_topics" text array NOT NULL, "cadence" "public"."cadence" NOT NULL, "ground_rules" text NOT NULL, "confidentiality" text NOT NULL, "proposed_by_id" uuid NOT NULL, "senior_agreed_at" TIMESTAMP(3) WITH TIME ZONE, "junior_agreed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_version_pair_version_key" UNIQUE ("pair_id", "version"), CONSTRAINT "PK_dc22c2043e8f7513b637c461fcd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "mentoring_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pair_id" uuid NOT NULL, "held_on" date NOT NULL, "topics" text array NOT NULL, "private_notes_cipher" text, "shared_takeaways" text, "logged_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bfe67fea6498c985bed26f03459" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "mentoring_session_pair_held_idx" ON "mentoring_session"  ("pair_id", "held_on") `);
        await queryRunner.query(`CREATE TYPE "public"."barrier_category" AS ENUM('RECRUITMENT', 'PROGRESSION', 'PAY', 'CULTURE', 'POLICY', 'ACCESS', 'DATA', 'OTHER')`);
        await queryRunner.query(`CREATE TYPE "public"."affected_group" AS ENUM('AGE', 'DISABILITY', 'GENDER_REASSIGNMENT', 'MARRIAGE_AND_CIVIL_PARTNERSHIP', 'PREGNANCY_AND_MATERNITY', 'RACE', 'RELIGION_OR_BELIEF', 'SEX', 'SEXUAL_ORIENTATION', 'SOCIO_ECONOMIC_BACKGROUND', 'OTHER')`);
        await queryRunner.query(`CREATE TYPE "public"."attribution" AS ENUM('NAMED', 'ANONYMOUS')`);
        await queryRunner.query(`CREATE TYPE "public"."barrier_status" AS ENUM('OPEN', 'ADDRESSED', 'CLOSED')`);
        await queryRunner.query(`CREATE TABLE "barrier" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "pair_id" uuid NOT NULL, "raised_by_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "category" "public"."barrier_category" NOT NULL, "affected_groups" "public"."affected_group" array NOT NULL, "evidence" jsonb NOT NULL DEFAULT '[]', "attribution" "public"."attribution" NOT NULL, "status" "public"."barrier_status" NOT NULL DEFAULT 'OPEN', "corroboration_count" integer NOT NULL DEFAULT '0', "search_vector" tsvector, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0a02ff7a0aa880f508926f15f7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "barrier_pair_idx" ON "barrier"  ("pair_id") `);
        await queryRunner.query(`CREATE INDEX "barrier_organisation_created_idx" ON "barrier"  ("organisation_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "barrier_corroboration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "barrier_id" uuid NOT NULL, "pair_id" uuid NOT NULL, "person_id" uuid NOT NULL, "divisions" text array NOT NULL DEFAULT '{}', "note" text, "evidence" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "barrier_corroboration_barrier_pair_key" UNIQUE ("barrier_id", "pair_id"), CONSTRAINT "PK_93109fc49a7bcc0c6b1978fde88" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."change_status" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'ADOPTED', 'WITHDRAWN')`);
        await queryRunner.query(`CREATE TABLE "change_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "barrier_id" uuid NOT NULL, "pair_id" uuid NOT NULL, "proposed_by_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "title" text NOT NULL, "what_changes" text NOT NULL, "expected_impact" text NOT NULL, "target_date" date NOT NULL, "status" "public"."change_status" NOT NULL DEFAULT 'DRAFT', "progress" integer NOT NULL DEFAULT '0', "success_measures" jsonb NOT NULL DEFAULT '[]', "adoption_evidence" jsonb, "withdrawn_reason" text, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "started_at" TIMESTAMP(3) WITH TIME ZONE, "adopted_at" TIMESTAMP(3) WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7d1c84467089901c61677700cd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "change_barrier_idx" ON "change_proposal"  ("barrier_id") `);
        await queryRunner.query(`CREATE INDEX "change_pair_idx" ON "change_proposal"  ("pair_id") `);
        await queryRunner.query(`CREATE INDEX "change_owner_status_idx" ON "change_proposal"  ("owner_id", "status") `);
        await queryRunner.query(`CREATE INDEX "change_organisation_created_idx" ON "change_proposal"  ("organisation_id", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."decision_outcome" AS ENUM('APPROVE', 'REJECT', 'REQUEST_CHANGES')`);
        await queryRunner.query(`CREATE TABLE "decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "change_id" uuid NOT NULL, "decider_id" uuid NOT NULL, "outcome" "public"."decision_outcome" NOT NULL, "rationale" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa4cbd6abf1215054f13c27df5a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "decision_change_idx" ON "decision"  ("change_id") `);
        await queryRunner.query(`CREATE TABLE "comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "barrier_id" uuid, "change_id" uuid, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "comment_one_subject" CHECK ((barrier_id IS NULL) <> (change_id IS NULL)), CONSTRAINT "PK_0b0e4bbc8415ec426f87f3a88e2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "comment_change_idx" ON "comment"  ("change_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "comment_barrier_idx" ON "comment"  ("barrier_id", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."event_kind" AS ENUM('BARRIER_RAISED', 'BARRIER_CORROBORATED', 'BARRIER_STATUS_CHANGED', 'CHANGE_PROPOSED', 'CHANGE_EDITED', 'CHANGE_SUBMITTED', 'CHANGE_DECIDED', 'CHANGE_STARTED', 'CHANGE_PROGRESS_REPORTED', 'CHANGE_ADOPTED', 'CHANGE_WITHDRAWN')`);
        await queryRunner.query(`CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" "public"."event_kind" NOT NULL, "barrier_id" uuid, "change_id" uuid, "actor_id" uuid NOT NULL, "from_status" text, "to_status" text, "detail" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "event_change_idx" ON "event"  ("change_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "event_barrier_idx" ON "event"  ("barrier_id", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."notification_kind" AS ENUM('CHANGE_SUBMITTED', 'CHANGE_DECIDED', 'CHANGE_STARTED', 'CHANGE_PROGRESSED', 'CHANGE_ADOPTED', 'COMMENT_ADDED')`);
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "actor_id" uuid NOT NULL, "barrier_id" uuid, "change_id" uuid, "comment_id" uuid, "detail" jsonb NOT NULL DEFAULT '{}', "read_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "notification_recipient_created_idx" ON "notification"  ("recipient_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "programme" ADD CONSTRAINT "FK_9a03153916218ef29e5ca5e1103" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pair" ADD CONSTRAINT "FK_7c826f0c883896b8036ae4e1dce" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pair" ADD CONSTRAINT "FK_2d32d2fc4575b71653f632182f4" FOREIGN KEY ("senior_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "pair" ADD CONSTRAINT "FK_06644b7346ae5cfa139c265abb2" FOREIGN KEY ("junior_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contract_version" ADD CONSTRAINT "FK_6cc6c63a55a512b4515861a0e23" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentoring_session" ADD CONSTRAINT "FK_9117a767ff927e6171c639db938" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "barrier" ADD CONSTRAINT "FK_d1e5de7532eb0f34e1cd1bb7cc7" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "barrier" ADD CONSTRAINT "FK_876789a6ea815fdc44dbfafa815" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "barrier_corroboration" ADD CONSTRAINT "FK_bfb91d013e148a186e696ac498c" FOREIGN KEY ("barrier_id") REFERENCES "barrier"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "barrier_corroboration" ADD CONSTRAINT "FK_de91bef95cf4b2976b1bde496f3" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "change_proposal" ADD CONSTRAINT "FK_5dd729a09ee716cc7259958d79b" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "change_proposal" ADD CONSTRAINT "FK_4673ccc4cc4875971349d19d4c5" FOREIGN KEY ("barrier_id") REFERENCES "barrier"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "change_proposal" ADD CONSTRAINT "FK_80108eba372936126e68e9b74bf" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "change_proposal" ADD CONSTRAINT "FK_0e76d22d5ffadba0bf665b6744d" FOREIGN KEY ("owner_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "FK_01ce7bbefacb41871d7b53c83db" FOREIGN KEY ("change_id") REFERENCES "change_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "FK_1f62bbdd4b964b013aa718f9f2f" FOREIGN KEY ("decider_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        // Full-text search over barriers: a trigger keeps search_vector current, a GIN index serves it.
        await queryRunner.query(`CREATE FUNCTION barrier_search_vector_update() RETURNS trigger AS $$
            BEGIN
                NEW.search_vector := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
                                  || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'B');
                RETURN NEW;
            END $$ LANGUAGE plpgsql`);
        await queryRunner.query(`CREATE TRIGGER barrier_search_vector BEFORE INSERT OR UPDATE OF title, description ON "barrier" FOR EACH ROW EXECUTE FUNCTION barrier_search_vector_update()`);
        await queryRunner.query(`CREATE INDEX "barrier_search_idx" ON "barrier" USING gin ("search_vector")`);
        // History is append-only: refuse any UPDATE or DELETE of an event, whoever asks.
        await queryRunner.query(`CREATE FUNCTION event_is_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'event history is append-only';
            END $$ LANGUAGE plpgsql`);
        await queryRunner.query(`CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON "event" FOR EACH ROW EXECUTE FUNCTION event_is_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER event_append_only ON "event"`);
        await queryRunner.query(`DROP FUNCTION event_is_append_only()`);
        await queryRunner.query(`DROP INDEX "barrier_search_idx"`);
        await queryRunner.query(`DROP TRIGGER barrier_search_vector ON "barrier"`);
        await queryRunner.query(`DROP FUNCTION barrier_search_vector_update()`);
        await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "FK_1f62bbdd4b964b013aa718f9f2f"`);
        await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "FK_01ce7bbefacb41871d7b53c83db"`);
        await queryRunner.query(`ALTER TABLE "change_proposal" DROP CONSTRAINT "FK_0e76d22d5ffadba0bf665b6744d"`);
        await queryRunner.query(`ALTER TABLE "change_proposal" DROP CONSTRAINT "FK_80108eba372936126e68e9b74bf"`);
        await queryRunner.query(`ALTER TABLE "change_proposal" DROP CONSTRAINT "FK_4673ccc4cc4875971349d19d4c5"`);
        await queryRunner.query(`ALTER TABLE "change_proposal" DROP CONSTRAINT "FK_5dd729a09ee716cc7259958d79b"`);
        await queryRunner.query(`ALTER TABLE "barrier_corroboration" DROP CONSTRAINT "FK_de91bef95cf4b2976b1bde496f3"`);
        await queryRunner.query(`ALTER TABLE "barrier_corroboration" DROP CONSTRAINT "FK_bfb91d013e148a186e696ac498c"`);
        await queryRunner.query(`ALTER TABLE "barrier" DROP CONSTRAINT "FK_876789a6ea815fdc44dbfafa815"`);
        await queryRunner.query(`ALTER TABLE "barrier" DROP CONSTRAINT "FK_d1e5de7532eb0f34e1cd1bb7cc7"`);
        await queryRunner.query(`ALTER TABLE "mentoring_session" DROP CONSTRAINT "FK_9117a767ff927e6171c639db938"`);
        await queryRunner.query(`ALTER TABLE "contract_version" DROP CONSTRAINT "FK_6cc6c63a55a512b4515861a0e23"`);
        await queryRunner.query(`ALTER TABLE "pair" DROP CONSTRAINT "FK_06644b7346ae5cfa139c265abb2"`);
        await queryRunner.query(`ALTER TABLE "pair" DROP CONSTRAINT "FK_2d32d2fc4575b71653f632182f4"`);
        await queryRunner.query(`ALTER TABLE "pair" DROP CONSTRAINT "FK_7c826f0c883896b8036ae4e1dce"`);
        await queryRunner.query(`ALTER TABLE "programme" DROP CONSTRAINT "FK_9a03153916218ef29e5ca5e1103"`);
        await queryRunner.query(`DROP INDEX "public"."notification_recipient_created_idx"`);
        await queryRunner.query(`DROP TABLE "notification"`);
        await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
        await queryRunner.query(`DROP INDEX "public"."event_barrier_idx"`);
        await queryRunner.query(`DROP INDEX "public"."event_change_idx"`);
        await queryRunner.query(`DROP TABLE "event"`);
        await queryRunner.query(`DROP TYPE "public"."event_kind"`);
        await queryRunner.query(`DROP INDEX "public"."comment_barrier_idx"`);
        await queryRunner.query(`DROP INDEX "public"."comment_change_idx"`);
        await queryRunner.query(`DROP TABLE "comment"`);
        await queryRunner.query(`DROP INDEX "public"."decision_change_idx"`);
        await queryRunner.query(`DROP TABLE "decision"`);
        await queryRunner.query(`DROP TYPE "public"."decision_outcome"`);
        await queryRunner.query(`DROP INDEX "public"."change_organisation_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."change_owner_status_idx"`);
        await queryRunner.query(`DROP INDEX "public"."change_pair_idx"`);
        await queryRunner.query(`DROP INDEX "public"."change_barrier_idx"`);
        await queryRunner.query(`DROP TABLE "change_proposal"`);
        await queryRunner.query(`DROP TYPE "public"."change_status"`);
        await queryRunner.query(`DROP TABLE "barrier_corroboration"`);
        await queryRunner.query(`DROP INDEX "public"."barrier_organisation_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."barrier_pair_idx"`);
        await queryRunner.query(`DROP TABLE "barrier"`);
        await queryRunner.query(`DROP TYPE "public"."barrier_status"`);
        await queryRunner.query(`DROP TYPE "public"."attribution"`);
        await queryRunner.query(`DROP TYPE "public"."affected_group"`);
        await queryRunner.query(`DROP TYPE "public"."barrier_category"`);
        await queryRunner.query(`DROP INDEX "public"."mentoring_session_pair_held_idx"`);
        await queryRunner.query(`DROP TABLE "mentoring_session"`);
        await queryRunner.query(`DROP TABLE "contract_version"`);
        await queryRunner.query(`DROP INDEX "public"."pair_programme_idx"`);
        await queryRunner.query(`DROP INDEX "public"."pair_senior_idx"`);
        await queryRunner.query(`DROP INDEX "public"."pair_junior_idx"`);
        await queryRunner.query(`DROP INDEX "public"."pair_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "pair"`);
        await queryRunner.query(`DROP TYPE "public"."pair_status"`);
        await queryRunner.query(`DROP INDEX "public"."programme_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "programme"`);
        await queryRunner.query(`DROP TYPE "public"."programme_status"`);
        await queryRunner.query(`DROP TYPE "public"."cadence"`);
    }

}
