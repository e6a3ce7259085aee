ALTER TABLE "insatser" ADD COLUMN "age_outside_reason" text;--> statement-breakpoint
ALTER TABLE "insatser" ADD COLUMN "end_contradiction_note" text;--> statement-breakpoint
CREATE TABLE "case_co_handlers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone,
	CONSTRAINT "case_co_handlers_removal_complete" CHECK (("case_co_handlers"."removed_at" is null) = ("case_co_handlers"."removed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "case_co_handlers" ADD CONSTRAINT "case_co_handlers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_co_handlers" ADD CONSTRAINT "case_co_handlers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_co_handlers" ADD CONSTRAINT "case_co_handlers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_co_handlers" ADD CONSTRAINT "case_co_handlers_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_co_handlers_current_idx" ON "case_co_handlers" USING btree ("case_id","user_id") WHERE "case_co_handlers"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "case_co_handlers_user_idx" ON "case_co_handlers" USING btree ("user_id") WHERE "case_co_handlers"."removed_at" is null;
