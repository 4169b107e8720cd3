import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 11: the board reads a page of an organisation's changes in keyset order (created_at, then
 * id) and each change's latest decision. Both indexes now end in the order they are read in, so
 * neither read sorts.
 */
export class BoardReadPath1796800000000 implements MigrationInterface {
    name = 'BoardReadPath1796800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."change_organisation_created_idx"`);
        await queryRunner.query(`CREATE INDEX "change_organisation_created_idx" ON "change_proposal" ("organisation_id", "created_at", "id") `);
        await queryRunner.query(`DROP INDEX "public"."decision_change_idx"`);
        await queryRunner.query(`CREATE INDEX "decision_change_idx" ON "decision" ("change_id", "created_at", "id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."decision_change_idx"`);
        await queryRunner.query(`CREATE INDEX "decision_change_idx" ON "decision" ("change_id") `);
        await queryRunner.query(`DROP INDEX "public"."change_organisation_created_idx"`);
        await queryRunner.query(`CREATE INDEX "change_organisation_created_idx" ON "change_proposal" ("organisation_id", "created_at") `);
    }
}
