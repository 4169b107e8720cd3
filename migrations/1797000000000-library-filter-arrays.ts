import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 11: the library's search index holds sector, category and outcome as one-element arrays, so
 * a filter on several values ("health or local government") is one overlap test the index answers
 * in one pass. A GIN index cannot take `sector = ANY(...)` as one condition: PostgreSQL scans it
 * once per value, and per combination of values across filters (four scans for two sectors and two
 * categories, each walking the search words' posting lists again: 9-11 ms at 100,000 cases
 * against 5 ms in one pass).
 *
 * The expression statistics let the planner estimate those overlaps as it did the plain columns;
 * the search relies on its estimates to choose between exact and sampled counts.
 */
export class LibraryFilterArrays1797000000000 implements MigrationInterface {
    name = 'LibraryFilterArrays1797000000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."shared_case_published_search_idx"`);
        await queryRunner.query(`CREATE INDEX "shared_case_published_search_idx" ON "shared_case" USING gin ("search_vector", (ARRAY["sector"]), (ARRAY["category"]), (ARRAY["outcome"]), "affected_groups", "tags") WITH (fastupdate = off) WHERE "status" = 'PUBLISHED'`);
        await queryRunner.query(`CREATE STATISTICS "shared_case_sector_array_stats" ON (ARRAY["sector"]) FROM "shared_case"`);
        await queryRunner.query(`CREATE STATISTICS "shared_case_category_array_stats" ON (ARRAY["category"]) FROM "shared_case"`);
        await queryRunner.query(`CREATE STATISTICS "shared_case_outcome_array_stats" ON (ARRAY["outcome"]) FROM "shared_case"`);
        await queryRunner.query(`ANALYZE "shared_case"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP STATISTICS "public"."shared_case_outcome_array_stats"`);
        await queryRunner.query(`DROP STATISTICS "public"."shared_case_category_array_stats"`);
        await queryRunner.query(`DROP STATISTICS "public"."shared_case_sector_array_stats"`);
        await queryRunner.query(`DROP INDEX "public"."shared_case_published_search_idx"`);
        await queryRunner.query(`CREATE INDEX "shared_case_published_search_idx" ON "shared_case" USING gin ("search_vector", "sector", "category", "outcome", "affected_groups", "tags") WITH (fastupdate = off) WHERE "status" = 'PUBLISHED'`);
    }
}
