import type { MigrationInterface, QueryRunner } from "typeorm";

/** Who invited, let in, changed the roles of or removed whom: append-only, like the change history. */

export class MembershipAudit1765100000000 implements MigrationInterface {
    name = 'MembershipAudit1765100000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."membership_audit_kind" AS ENUM('INVITED', 'INVITATION_WITHDRAWN', 'JOINED', 'DETAILS_CHANGED', 'REMOVED')`);
        await queryRunner.query(`CREATE TABLE "membership_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" "public"."membership_audit_kind" NOT NULL, "actor_id" uuid NOT NULL, "subject_name" text NOT NULL, "subject_email" text NOT NULL, "roles_before" "public"."role" array, "roles_after" "public"."role" array, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21c9961475e4cdc616962c4bff6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "membership_audit_organisation_idx" ON "membership_audit"  ("organisation_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "membership_audit" ADD CONSTRAINT "FK_d35de1f5aa6f4bc48a4d4e8db79" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "membership_audit" ADD CONSTRAINT "FK_7a688e8e98175138d7d18e6e7b4" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE FUNCTION membership_audit_is_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'the membership audit is append-only';
            END $$ LANGUAGE plpgsql`);
        await queryRunner.query(`CREATE TRIGGER membership_audit_append_only BEFORE UPDATE OR DELETE ON "membership_audit" FOR EACH ROW EXECUTE FUNCTION membership_audit_is_append_only()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER membership_audit_append_only ON "membership_audit"`);
        await queryRunner.query(`DROP FUNCTION membership_audit_is_append_only()`);
        await queryRunner.query(`ALTER TABLE "membership_audit" DROP CONSTRAINT "FK_7a688e8e98175138d7d18e6e7b4"`);
        await queryRunner.query(`ALTER TABLE "membership_audit" DROP CONSTRAINT "FK_d35de1f5aa6f4bc48a4d4e8db79"`);
        await queryRunner.query(`DROP INDEX "public"."membership_audit_organisation_idx"`);
        await queryRunner.query(`DROP TABLE "membership_audit"`);
        await queryRunner.query(`DROP TYPE "public"."membership_audit_kind"`);
    }

}
