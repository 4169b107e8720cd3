import { MigrationInterface, QueryRunner } from "typeorm";

/** Mail: the outbox and delivery log, each person's choices per kind, and an organisation's time zone for digests. */

export class Mail1765410000000 implements MigrationInterface {
    name = 'Mail1765410000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."mail_status" AS ENUM('PENDING', 'QUEUED', 'SENT', 'KEPT', 'RETRYING', 'FAILED', 'SUPPRESSED')`);
        await queryRunner.query(`CREATE TABLE "mail_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "kind" text NOT NULL, "recipient_id" uuid, "organisation_id" uuid, "to_address" text NOT NULL, "subject" text NOT NULL, "content" jsonb NOT NULL, "text" text, "html" text, "status" "public"."mail_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_d23285093ea237bc7632d4fcce9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "mail_message_key" ON "mail_message"  ("key") `);
        await queryRunner.query(`CREATE INDEX "mail_message_recipient_idx" ON "mail_message"  ("recipient_id") `);
        await queryRunner.query(`CREATE INDEX "mail_message_status_idx" ON "mail_message"  ("status", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."mail_delivery" AS ENUM('IMMEDIATE', 'DAILY_DIGEST', 'OFF')`);
        await queryRunner.query(`CREATE TABLE "mail_preference" ("person_id" uuid NOT NULL, "kind" text NOT NULL, "delivery" "public"."mail_delivery" NOT NULL, CONSTRAINT "PK_9f9805ceb0d79c53b9fe2d4bce7" PRIMARY KEY ("person_id", "kind"))`);
        await queryRunner.query(`ALTER TABLE "organisation" ADD "time_zone" text NOT NULL DEFAULT 'Europe/London'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "time_zone"`);
        await queryRunner.query(`DROP TABLE "mail_preference"`);
        await queryRunner.query(`DROP TYPE "public"."mail_delivery"`);
        await queryRunner.query(`DROP INDEX "public"."mail_message_status_idx"`);
        await queryRunner.query(`DROP INDEX "public"."mail_message_recipient_idx"`);
        await queryRunner.query(`DROP INDEX "public"."mail_message_key"`);
        await queryRunner.query(`DROP TABLE "mail_message"`);
        await queryRunner.query(`DROP TYPE "public"."mail_status"`);
    }

}
