CREATE TABLE "disclosure_secret" (
	"id" smallint PRIMARY KEY NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
-- 244 bits from the server's strong random source (gen_random_uuid); made once, never shown.
INSERT INTO "disclosure_secret" ("id", "secret") VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
