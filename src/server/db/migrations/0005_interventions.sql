CREATE TABLE "insats_availability" (
	"catalogue_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	CONSTRAINT "insats_availability_catalogue_id_district_id_pk" PRIMARY KEY("catalogue_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "insats_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"provider_kind" text NOT NULL,
	"target_age_min" integer NOT NULL,
	"target_age_max" integer NOT NULL,
	"prevention_level" text NOT NULL,
	"evidence_status" text NOT NULL,
	"legal_form" text NOT NULL,
	"ksi_code" text,
	"typical_length_months" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insats_catalogue_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "insats_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insats_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"due_on" date,
	"done_on" date NOT NULL,
	"results" jsonb NOT NULL,
	"next_step" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insats_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insats_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"young_person_views" text DEFAULT '' NOT NULL,
	"guardian_views" text DEFAULT '' NOT NULL,
	"planned_start" date,
	"follow_up_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "insatser" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"decision_id" uuid,
	"legal_form" text NOT NULL,
	"decided_on" date NOT NULL,
	"provider_unit_id" uuid NOT NULL,
	"started_on" date,
	"not_started_reason" text,
	"not_started_note" text,
	"care_plan_on" date,
	"ended_on" date,
	"end_reason" text,
	"end_outcome" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overvaganden" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"insats_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"conclusion" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "plan_due_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "insats_availability" ADD CONSTRAINT "insats_availability_catalogue_id_insats_catalogue_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."insats_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_availability" ADD CONSTRAINT "insats_availability_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_follow_ups" ADD CONSTRAINT "insats_follow_ups_insats_id_insatser_id_fk" FOREIGN KEY ("insats_id") REFERENCES "public"."insatser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_follow_ups" ADD CONSTRAINT "insats_follow_ups_plan_id_insats_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."insats_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_follow_ups" ADD CONSTRAINT "insats_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_plans" ADD CONSTRAINT "insats_plans_insats_id_insatser_id_fk" FOREIGN KEY ("insats_id") REFERENCES "public"."insatser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_plans" ADD CONSTRAINT "insats_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insats_plans" ADD CONSTRAINT "insats_plans_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_catalogue_id_insats_catalogue_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."insats_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_provider_unit_id_units_id_fk" FOREIGN KEY ("provider_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insatser" ADD CONSTRAINT "insatser_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overvaganden" ADD CONSTRAINT "overvaganden_insats_id_insatser_id_fk" FOREIGN KEY ("insats_id") REFERENCES "public"."insatser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overvaganden" ADD CONSTRAINT "overvaganden_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insats_follow_ups_insats_idx" ON "insats_follow_ups" USING btree ("insats_id");--> statement-breakpoint
CREATE INDEX "insats_plans_insats_idx" ON "insats_plans" USING btree ("insats_id","version");--> statement-breakpoint
CREATE INDEX "insatser_case_idx" ON "insatser" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "insatser_provider_idx" ON "insatser" USING btree ("provider_unit_id","ended_on");--> statement-breakpoint
CREATE INDEX "insatser_district_idx" ON "insatser" USING btree ("district_id","decided_on");--> statement-breakpoint
CREATE INDEX "overvaganden_insats_idx" ON "overvaganden" USING btree ("insats_id","decided_on");