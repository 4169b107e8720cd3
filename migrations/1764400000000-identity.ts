import type { MigrationInterface, QueryRunner } from "typeorm";

/** Organisations, people, memberships with roles, sessions, sign-in attempts and invitations. */

export class Identity1764400000000 implements MigrationInterface {
    name = 'Identity1764400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "is_platform_admin" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "person_email_key" ON "person"  ("email") `);
        await queryRunner.query(`CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "auth_session_person_idx" ON "auth_session"  ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "auth_session_token_hash_key" ON "auth_session"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "login_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "ip" text NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "login_attempt_ip_at_idx" ON "login_attempt"  ("ip", "at") `);
        await queryRunner.query(`CREATE INDEX "login_attempt_email_at_idx" ON "login_attempt"  ("email", "at") `);
        await queryRunner.query(`CREATE TYPE "public"."sector" AS ENUM('HEALTH', 'LOCAL_GOVERNMENT', 'CENTRAL_GOVERNMENT', 'EDUCATION', 'PRIVATE', 'FINANCE', 'CHARITY', 'OTHER')`);
        await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "sector" "public"."sector" NOT NULL, "country" character(2) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b800a0efd2f9f19719d0c4d793d" UNIQUE ("slug"), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."role" AS ENUM('CO_LEARNER', 'OWNER', 'PROGRAMME_MANAGER', 'COMMUNITY_MEMBER')`);
        await queryRunner.query(`CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "roles" "public"."role" array NOT NULL, "job_title" text, "division" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "membership_organisation_idx" ON "membership"  ("organisation_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "membership_person_organisation_key" ON "membership"  ("person_id", "organisation_id") `);
        await queryRunner.query(`CREATE TABLE "invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "roles" "public"."role" array NOT NULL, "job_title" text, "division" text, "token_hash" text NOT NULL, "invited_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "invitation_organisation_idx" ON "invitation"  ("organisation_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"  ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "auth_session" ADD CONSTRAINT "FK_c98aa3c1e03f43e495723822aef" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_6fc5e2153171bbeb54f4fda6595" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_be659e88cd5ed71eef6d4122aac" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "FK_913833c1541e680e8112131222f" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "invitation" ADD CONSTRAINT "FK_9fcebfddfa4369ac0e3c26dc8a3" FOREIGN KEY ("invited_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "FK_9fcebfddfa4369ac0e3c26dc8a3"`);
        await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "FK_913833c1541e680e8112131222f"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_be659e88cd5ed71eef6d4122aac"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_6fc5e2153171bbeb54f4fda6595"`);
        await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_c98aa3c1e03f43e495723822aef"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_token_hash_key"`);
        await queryRunner.query(`DROP INDEX "public"."invitation_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "invitation"`);
        await queryRunner.query(`DROP INDEX "public"."membership_person_organisation_key"`);
        await queryRunner.query(`DROP INDEX "public"."membership_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "membership"`);
        await queryRunner.query(`DROP TYPE "public"."role"`);
        await queryRunner.query(`DROP TABLE "organisation"`);
        await queryRunner.query(`DROP TYPE "public"."sector"`);
        await queryRunner.query(`DROP INDEX "public"."login_attempt_email_at_idx"`);
        await queryRunner.query(`DROP INDEX "public"."login_attempt_ip_at_idx"`);
        await queryRunner.query(`DROP TABLE "login_attempt"`);
        await queryRunner.query(`DROP INDEX "public"."auth_session_token_hash_key"`);
        await queryRunner.query(`DROP INDEX "public"."auth_session_person_idx"`);
        await queryRunner.query(`DROP TABLE "auth_session"`);
        await queryRunner.query(`DROP INDEX "public"."person_email_key"`);
        await queryRunner.query(`DROP TABLE "person"`);
    }

}
