import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 14: session bookings with calendar invitations (local wall time + zone, UID from the id,
 * a sequence), session types on logs, group sessions with invitees, attendance and unattributed
 * learning (no author column), a private journal and goal self-ratings (both encrypted).
 */
export class SchedulingGroupsJournal1796500000000 implements MigrationInterface {
    name = 'SchedulingGroupsJournal1796500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."session_type" AS ENUM('CONVERSATION', 'SHADOWING', 'GROUP')`);
        await queryRunner.query(`CREATE TYPE "public"."booking_status" AS ENUM('PROPOSED', 'ACCEPTED', 'HELD', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "session_booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pair_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "proposed_by_id" uuid NOT NULL, "status" "public"."booking_status" NOT NULL DEFAULT 'PROPOSED', "session_type" "public"."session_type" NOT NULL DEFAULT 'CONVERSATION', "proposed_starts" text array NOT NULL, "local_start" text, "time_zone" text NOT NULL, "starts_at" TIMESTAMP(3) WITH TIME ZONE, "duration_minutes" integer NOT NULL, "location" text, "video_link" text, "sequence" integer NOT NULL DEFAULT '0', "logged_session_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "revised_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_session_booking" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "session_booking_pair_starts_idx" ON "session_booking" ("pair_id", "starts_at") `);
        await queryRunner.query(`ALTER TABLE "session_booking" ADD CONSTRAINT "FK_session_booking_pair" FOREIGN KEY ("pair_id") REFERENCES "pair"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentoring_session" ADD "session_type" "public"."session_type" NOT NULL DEFAULT 'CONVERSATION'`);

        await queryRunner.query(`CREATE TYPE "public"."group_session_kind" AS ENUM('GROUP_COACHING', 'ACTION_LEARNING_SET', 'CLOSING_SESSION')`);
        await queryRunner.query(`CREATE TYPE "public"."group_session_status" AS ENUM('SCHEDULED', 'HELD', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "group_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "title" text NOT NULL, "kind" "public"."group_session_kind" NOT NULL, "status" "public"."group_session_status" NOT NULL DEFAULT 'SCHEDULED', "scheduled_by_id" uuid NOT NULL, "facilitator_id" uuid, "local_start" text NOT NULL, "time_zone" text NOT NULL, "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "location" text, "video_link" text, "sequence" integer NOT NULL DEFAULT '0', "revised_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_group_session" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "group_session_programme_idx" ON "group_session" ("programme_id", "starts_at") `);
        await queryRunner.query(`ALTER TABLE "group_session" ADD CONSTRAINT "FK_group_session_programme" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "group_session_invitee" ("session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "pair_id" uuid NOT NULL, "attended" boolean, CONSTRAINT "PK_group_session_invitee" PRIMARY KEY ("session_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "group_session_invitee_person_idx" ON "group_session_invitee" ("person_id") `);
        await queryRunner.query(`ALTER TABLE "group_session_invitee" ADD CONSTRAINT "FK_group_session_invitee_session" FOREIGN KEY ("session_id") REFERENCES "group_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "group_session_learning" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "body" text NOT NULL, "recorded_on" date NOT NULL, CONSTRAINT "PK_group_session_learning" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "group_session_learning_session_idx" ON "group_session_learning" ("session_id") `);
        await queryRunner.query(`ALTER TABLE "group_session_learning" ADD CONSTRAINT "FK_group_session_learning_session" FOREIGN KEY ("session_id") REFERENCES "group_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

        await queryRunner.query(`CREATE TABLE "journal_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "author_id" uuid NOT NULL, "body_cipher" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_journal_entry" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "journal_entry_author_created_idx" ON "journal_entry" ("author_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "journal_entry" ADD CONSTRAINT "FK_journal_entry_author" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TYPE "public"."goal_stage" AS ENUM('START', 'END')`);
        await queryRunner.query(`CREATE TABLE "goal_rating" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "stage" "public"."goal_stage" NOT NULL, "goals_cipher" text NOT NULL, "rating" integer NOT NULL, "shared_with_partner" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "goal_rating_person_programme_stage_key" UNIQUE ("person_id", "programme_id", "stage"), CONSTRAINT "goal_rating_rating_check" CHECK ("rating" BETWEEN 1 AND 5), CONSTRAINT "PK_goal_rating" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "goal_rating_programme_idx" ON "goal_rating" ("programme_id") `);

        for (const kind of ['SESSION_PROPOSED', 'SESSION_BOOKED', 'SESSION_RESCHEDULED', 'SESSION_CANCELLED', 'GROUP_SESSION_INVITED']) {
            await queryRunner.query(`ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS '${kind}'`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // notification_kind keeps its added values (PostgreSQL cannot drop enum values); rows of them go.
        await queryRunner.query(`DELETE FROM "notification" WHERE "kind"::text IN ('SESSION_PROPOSED', 'SESSION_BOOKED', 'SESSION_RESCHEDULED', 'SESSION_CANCELLED', 'GROUP_SESSION_INVITED')`);
        await queryRunner.query(`DROP TABLE "goal_rating"`);
        await queryRunner.query(`DROP TYPE "public"."goal_stage"`);
        await queryRunner.query(`DROP TABLE "journal_entry"`);
        await queryRunner.query(`DROP TABLE "group_session_learning"`);
        await queryRunner.query(`DROP TABLE "group_session_invitee"`);
        await queryRunner.query(`DROP TABLE "group_session"`);
        await queryRunner.query(`DROP TYPE "public"."group_session_status"`);
        await queryRunner.query(`DROP TYPE "public"."group_session_kind"`);
        await queryRunner.query(`ALTER TABLE "mentoring_session" DROP COLUMN "session_type"`);
        await queryRunner.query(`DROP TABLE "session_booking"`);
        await queryRunner.query(`DROP TYPE "public"."booking_status"`);
        await queryRunner.query(`DROP TYPE "public"."session_type"`);
    }
}
