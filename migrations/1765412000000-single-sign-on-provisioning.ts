import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Single sign-on through each organisation's own OpenID Connect provider, and SCIM provisioning:
 * providers and the domains they cover, sign-ins under way, provisioning tokens, deactivated
 * memberships, and membership history entries made by the provider or provisioning client.
 */

export class SingleSignOnProvisioning1765412000000 implements MigrationInterface {
    name = 'SingleSignOnProvisioning1765412000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."new_people_policy" AS ENUM('INVITED_ONLY', 'JOIN_ON_FIRST_SIGN_IN')`);
        await queryRunner.query(`CREATE TABLE "identity_provider" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "issuer" text NOT NULL, "client_id" text NOT NULL, "client_secret_encrypted" text NOT NULL, "new_people" "public"."new_people_policy" NOT NULL DEFAULT 'INVITED_ONLY', "join_roles" "public"."role" array NOT NULL DEFAULT '{}', "tested_at" TIMESTAMP(3) WITH TIME ZONE, "enabled" boolean NOT NULL DEFAULT false, "require_single_sign_on" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f038d63f2887fd0893ae4c5736" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "identity_provider_organisation_key" ON "identity_provider"  ("organisation_id") `);
        await queryRunner.query(`CREATE TABLE "identity_provider_domain" ("domain" text NOT NULL, "provider_id" uuid NOT NULL, CONSTRAINT "PK_1cc2db8c52537a10c7e79cc1f8a" PRIMARY KEY ("domain"))`);
        await queryRunner.query(`CREATE INDEX "identity_provider_domain_provider_idx" ON "identity_provider_domain"  ("provider_id") `);
        await queryRunner.query(`CREATE TABLE "sso_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "state_hash" text NOT NULL, "browser_hash" text NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_e6527f59de4fdf8c1ea0dc970ff" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "sso_attempt_state_hash_key" ON "sso_attempt"  ("state_hash") `);
        await queryRunner.query(`CREATE TABLE "scim_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_a5715b8446ee4a9cc6c0f19054d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "scim_token_organisation_idx" ON "scim_token"  ("organisation_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "scim_token_hash_key" ON "scim_token"  ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "membership" ADD "deactivated_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "membership" ADD "external_id" text`);
        await queryRunner.query(`CREATE TYPE "public"."membership_audit_via" AS ENUM('SINGLE_SIGN_ON', 'PROVISIONING')`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ADD "via" "public"."membership_audit_via"`);
        await queryRunner.query(`ALTER TABLE "membership_audit" DROP CONSTRAINT "FK_7a688e8e98175138d7d18e6e7b4"`);
        await queryRunner.query(`ALTER TYPE "public"."membership_audit_kind" ADD VALUE 'DEACTIVATED'`);
        await queryRunner.query(`ALTER TYPE "public"."membership_audit_kind" ADD VALUE 'REACTIVATED'`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ALTER COLUMN "actor_id" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ADD CONSTRAINT "FK_7a688e8e98175138d7d18e6e7b4" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identity_provider" ADD CONSTRAINT "FK_619db5f07b0c952884d7a46b60b" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "identity_provider_domain" ADD CONSTRAINT "FK_aa62b3daeddbcd9f8c69106247a" FOREIGN KEY ("provider_id") REFERENCES "identity_provider"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sso_attempt" ADD CONSTRAINT "FK_316ea52d57be512f12e575c54c9" FOREIGN KEY ("provider_id") REFERENCES "identity_provider"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scim_token" ADD CONSTRAINT "FK_6e257d17bca19af479f10b84414" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "scim_token" ADD CONSTRAINT "FK_f9e09e1ac308f2e164d83026e12" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "scim_token" DROP CONSTRAINT "FK_f9e09e1ac308f2e164d83026e12"`);
        await queryRunner.query(`ALTER TABLE "scim_token" DROP CONSTRAINT "FK_6e257d17bca19af479f10b84414"`);
        await queryRunner.query(`ALTER TABLE "sso_attempt" DROP CONSTRAINT "FK_316ea52d57be512f12e575c54c9"`);
        await queryRunner.query(`ALTER TABLE "identity_provider_domain" DROP CONSTRAINT "FK_aa62b3daeddbcd9f8c69106247a"`);
        await queryRunner.query(`ALTER TABLE "identity_provider" DROP CONSTRAINT "FK_619db5f07b0c952884d7a46b60b"`);
        await queryRunner.query(`ALTER TABLE "membership_audit" DROP CONSTRAINT "FK_7a688e8e98175138d7d18e6e7b4"`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ALTER COLUMN "actor_id" SET NOT NULL`);
        await queryRunner.query(`CREATE TYPE "public"."membership_audit_kind_old" AS ENUM('INVITED', 'INVITATION_WITHDRAWN', 'JOINED', 'DETAILS_CHANGED', 'REMOVED')`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ALTER COLUMN "kind" TYPE "public"."membership_audit_kind_old" USING "kind"::"text"::"public"."membership_audit_kind_old"`);
        await queryRunner.query(`DROP TYPE "public"."membership_audit_kind"`);
        await queryRunner.query(`ALTER TYPE "public"."membership_audit_kind_old" RENAME TO "membership_audit_kind"`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ADD CONSTRAINT "FK_7a688e8e98175138d7d18e6e7b4" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership_audit" DROP COLUMN "via"`);
        await queryRunner.query(`DROP TYPE "public"."membership_audit_via"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "external_id"`);
        await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "deactivated_at"`);
        await queryRunner.query(`DROP INDEX "public"."scim_token_hash_key"`);
        await queryRunner.query(`DROP INDEX "public"."scim_token_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "scim_token"`);
        await queryRunner.query(`DROP INDEX "public"."sso_attempt_state_hash_key"`);
        await queryRunner.query(`DROP TABLE "sso_attempt"`);
        await queryRunner.query(`DROP INDEX "public"."identity_provider_domain_provider_idx"`);
        await queryRunner.query(`DROP TABLE "identity_provider_domain"`);
        await queryRunner.query(`DROP INDEX "public"."identity_provider_organisation_key"`);
        await queryRunner.query(`DROP TABLE "identity_provider"`);
        await queryRunner.query(`DROP TYPE "public"."new_people_policy"`);
    }

}
