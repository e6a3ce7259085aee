CREATE TABLE "file_review_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"item_id" uuid,
	"criterion_code" text,
	"finding" text NOT NULL,
	"action" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"follow_up_note" text DEFAULT '' NOT NULL,
	"done_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"file_date" date NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"verdicts" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "file_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_version_id" uuid,
	"district_ids" uuid[] NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"kind" text NOT NULL,
	"sample_size" integer NOT NULL,
	"seed" bigint NOT NULL,
	"population_size" integer NOT NULL,
	"took_all" boolean NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"conclusion" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "file_review_actions" ADD CONSTRAINT "file_review_actions_review_id_file_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."file_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_actions" ADD CONSTRAINT "file_review_actions_item_id_file_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."file_review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_actions" ADD CONSTRAINT "file_review_actions_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_actions" ADD CONSTRAINT "file_review_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_items" ADD CONSTRAINT "file_review_items_review_id_file_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."file_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_items" ADD CONSTRAINT "file_review_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_items" ADD CONSTRAINT "file_review_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_items" ADD CONSTRAINT "file_review_items_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_items" ADD CONSTRAINT "file_review_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_reviews" ADD CONSTRAINT "file_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_reviews" ADD CONSTRAINT "file_reviews_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_review_actions_review_idx" ON "file_review_actions" USING btree ("review_id","created_at");--> statement-breakpoint
CREATE INDEX "file_review_items_review_idx" ON "file_review_items" USING btree ("review_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "file_review_items_record_idx" ON "file_review_items" USING btree ("review_id","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "file_reviews_series_version_idx" ON "file_reviews" USING btree ("series_id","version");--> statement-breakpoint
CREATE INDEX "file_reviews_created_idx" ON "file_reviews" USING btree ("created_at","id");