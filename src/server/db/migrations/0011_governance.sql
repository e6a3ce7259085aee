CREATE TABLE "internal_control_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"adopted_on" date,
	"summary" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_control_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"risk" text NOT NULL,
	"probability" integer NOT NULL,
	"consequence" integer NOT NULL,
	"method" text NOT NULL,
	"method_description" text DEFAULT '' NOT NULL,
	"metric" text,
	"target_op" text,
	"target_value" double precision,
	"file_review_id" uuid,
	"frequency" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"report_to" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internal_control_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"performed_on" date NOT NULL,
	"period_from" date,
	"period_to" date,
	"outcome" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"deviations_found" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"value" double precision,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"audit_id" bigint,
	"at" timestamp with time zone,
	"user_id" uuid,
	"username" text,
	"role" text,
	"action" text,
	"person_id" uuid,
	"record_type" text,
	"record_id" text,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"drawn_by_rule" boolean DEFAULT false NOT NULL,
	"drawn_at_random" boolean DEFAULT false NOT NULL,
	"details" jsonb,
	"verdict" text,
	"note" text,
	"judged_by" uuid,
	"judged_at" timestamp with time zone,
	"deviation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "log_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"month" text NOT NULL,
	"seed" text NOT NULL,
	"row_sample" integer NOT NULL,
	"user_sample" integer NOT NULL,
	"max_flagged" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"method" text NOT NULL,
	"frame" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "styrdokument" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"process_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"decided_by" text,
	"decided_on" date,
	"valid_from" date,
	"next_review_on" date,
	"status" text DEFAULT 'utkast' NOT NULL,
	"published_version_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "styrdokument_districts" (
	"document_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	CONSTRAINT "styrdokument_districts_document_id_district_id_pk" PRIMARY KEY("document_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "styrdokument_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"decided_by" text,
	"decided_on" date,
	"valid_from" date
);
--> statement-breakpoint
ALTER TABLE "internal_control_plans" ADD CONSTRAINT "internal_control_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_control_plans" ADD CONSTRAINT "internal_control_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_control_points" ADD CONSTRAINT "internal_control_points_plan_id_internal_control_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."internal_control_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_control_points" ADD CONSTRAINT "internal_control_points_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_control_results" ADD CONSTRAINT "internal_control_results_point_id_internal_control_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."internal_control_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_control_results" ADD CONSTRAINT "internal_control_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_review_items" ADD CONSTRAINT "log_review_items_review_id_log_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."log_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_review_items" ADD CONSTRAINT "log_review_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_review_items" ADD CONSTRAINT "log_review_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_review_items" ADD CONSTRAINT "log_review_items_judged_by_users_id_fk" FOREIGN KEY ("judged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_reviews" ADD CONSTRAINT "log_reviews_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument" ADD CONSTRAINT "styrdokument_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument" ADD CONSTRAINT "styrdokument_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument_districts" ADD CONSTRAINT "styrdokument_districts_document_id_styrdokument_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."styrdokument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument_districts" ADD CONSTRAINT "styrdokument_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument_versions" ADD CONSTRAINT "styrdokument_versions_document_id_styrdokument_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."styrdokument"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument_versions" ADD CONSTRAINT "styrdokument_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "styrdokument_versions" ADD CONSTRAINT "styrdokument_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "internal_control_plans_district_year_idx" ON "internal_control_plans" USING btree ("district_id","year");--> statement-breakpoint
CREATE INDEX "internal_control_points_plan_idx" ON "internal_control_points" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "internal_control_results_point_idx" ON "internal_control_results" USING btree ("point_id","performed_on");--> statement-breakpoint
CREATE INDEX "log_review_items_review_idx" ON "log_review_items" USING btree ("review_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "log_reviews_district_month_idx" ON "log_reviews" USING btree ("district_id","month");--> statement-breakpoint
CREATE INDEX "styrdokument_owner_review_idx" ON "styrdokument" USING btree ("owner_id","next_review_on");--> statement-breakpoint
CREATE INDEX "styrdokument_title_idx" ON "styrdokument" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "styrdokument_districts_district_idx" ON "styrdokument_districts" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "styrdokument_versions_number_idx" ON "styrdokument_versions" USING btree ("document_id","number");