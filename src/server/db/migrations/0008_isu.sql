CREATE TABLE "isu_measurement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"scale_id" uuid NOT NULL,
	"points" text[] NOT NULL,
	"interval_months" integer,
	"respondents" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "isu_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insats_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"scale_id" uuid NOT NULL,
	"point" text NOT NULL,
	"respondent" text NOT NULL,
	"measured_on" date NOT NULL,
	"value" real NOT NULL,
	"assessment_id" uuid,
	"link_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "isu_scales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"min" integer NOT NULL,
	"max" integer NOT NULL,
	"min_label" text DEFAULT '' NOT NULL,
	"max_label" text DEFAULT '' NOT NULL,
	"higher_is_better" boolean NOT NULL,
	"reliability" real,
	"reference_sd" real,
	"cutoff" real,
	"instrument_key" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isu_scales_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "isu_self_report_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insats_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"point" text NOT NULL,
	"scale_ids" uuid[] NOT NULL,
	"include_survey" boolean NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isu_self_report_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "isu_survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"text_sv" text NOT NULL,
	"text_en" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "isu_survey_questions_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "isu_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insats_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"answered_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isu_survey_responses_link_id_unique" UNIQUE("link_id")
);
--> statement-breakpoint
ALTER TABLE "isu_measurement_plans" ADD CONSTRAINT "isu_measurement_plans_catalogue_id_insats_catalogue_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."insats_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurement_plans" ADD CONSTRAINT "isu_measurement_plans_scale_id_isu_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."isu_scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_insats_id_insatser_id_fk" FOREIGN KEY ("insats_id") REFERENCES "public"."insatser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_scale_id_isu_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."isu_scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_link_id_isu_self_report_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."isu_self_report_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_measurements" ADD CONSTRAINT "isu_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_self_report_links" ADD CONSTRAINT "isu_self_report_links_insats_id_insatser_id_fk" FOREIGN KEY ("insats_id") REFERENCES "public"."insatser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_self_report_links" ADD CONSTRAINT "isu_self_report_links_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_self_report_links" ADD CONSTRAINT "isu_self_report_links_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_self_report_links" ADD CONSTRAINT "isu_self_report_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_survey_responses" ADD CONSTRAINT "isu_survey_responses_insats_id_insatser_id_fk" FOREIGN KEY ("insats_id") REFERENCES "public"."insatser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_survey_responses" ADD CONSTRAINT "isu_survey_responses_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isu_survey_responses" ADD CONSTRAINT "isu_survey_responses_link_id_isu_self_report_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."isu_self_report_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "isu_measurement_plans_entry_scale_idx" ON "isu_measurement_plans" USING btree ("catalogue_id","scale_id");--> statement-breakpoint
CREATE INDEX "isu_measurements_insats_idx" ON "isu_measurements" USING btree ("insats_id");--> statement-breakpoint
CREATE UNIQUE INDEX "isu_measurements_once_idx" ON "isu_measurements" USING btree ("insats_id","scale_id","respondent","point") WHERE point <> 'interim';--> statement-breakpoint
CREATE UNIQUE INDEX "isu_measurements_interim_idx" ON "isu_measurements" USING btree ("insats_id","scale_id","respondent","measured_on") WHERE point = 'interim';--> statement-breakpoint
CREATE INDEX "isu_self_report_links_insats_idx" ON "isu_self_report_links" USING btree ("insats_id");--> statement-breakpoint
CREATE INDEX "isu_survey_responses_insats_idx" ON "isu_survey_responses" USING btree ("insats_id");