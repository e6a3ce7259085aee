CREATE TABLE "file_review_finding_deviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	"deviation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_review_finding_deviations" ADD CONSTRAINT "file_review_finding_deviations_review_id_file_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."file_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_finding_deviations" ADD CONSTRAINT "file_review_finding_deviations_item_id_file_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."file_review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_finding_deviations" ADD CONSTRAINT "file_review_finding_deviations_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_finding_deviations" ADD CONSTRAINT "file_review_finding_deviations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "file_review_finding_deviations_finding_idx" ON "file_review_finding_deviations" USING btree ("series_id","record_id","criterion_code");