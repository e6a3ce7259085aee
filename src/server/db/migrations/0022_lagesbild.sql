CREATE TABLE "avhopp_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"purpose" text NOT NULL,
	"done_on" date,
	"done_seq" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "avhopp_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"contact_on" date NOT NULL,
	"channel" text NOT NULL,
	"opening_custody" text NOT NULL,
	"custody" text NOT NULL,
	"phase" text NOT NULL,
	"background" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" uuid NOT NULL,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "avhopp_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"data" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lagesbild_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lagesbild_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"area" text NOT NULL,
	"problem" text NOT NULL,
	"measure" text NOT NULL,
	"responsible" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'planerad' NOT NULL,
	"follow_up_note" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lagesbild_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lagesbild_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"figures" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lagesbilder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"district_ids" uuid[] NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"decided_version" integer,
	"decided_body" text,
	"decided_on" date,
	"decided_note" text,
	"decided_recorded_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lagesbilder_year" CHECK ("lagesbilder"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "avhopp_follow_ups" ADD CONSTRAINT "avhopp_follow_ups_process_id_avhopp_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."avhopp_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_follow_ups" ADD CONSTRAINT "avhopp_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_processes" ADD CONSTRAINT "avhopp_processes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_processes" ADD CONSTRAINT "avhopp_processes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_processes" ADD CONSTRAINT "avhopp_processes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_processes" ADD CONSTRAINT "avhopp_processes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_steps" ADD CONSTRAINT "avhopp_steps_process_id_avhopp_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."avhopp_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avhopp_steps" ADD CONSTRAINT "avhopp_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagesbild_measures" ADD CONSTRAINT "lagesbild_measures_lagesbild_id_lagesbilder_id_fk" FOREIGN KEY ("lagesbild_id") REFERENCES "public"."lagesbilder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagesbild_measures" ADD CONSTRAINT "lagesbild_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagesbild_versions" ADD CONSTRAINT "lagesbild_versions_lagesbild_id_lagesbilder_id_fk" FOREIGN KEY ("lagesbild_id") REFERENCES "public"."lagesbilder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagesbild_versions" ADD CONSTRAINT "lagesbild_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagesbilder" ADD CONSTRAINT "lagesbilder_decided_recorded_by_users_id_fk" FOREIGN KEY ("decided_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lagesbilder" ADD CONSTRAINT "lagesbilder_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "avhopp_follow_ups_process_idx" ON "avhopp_follow_ups" USING btree ("process_id","due_on");--> statement-breakpoint
CREATE INDEX "avhopp_processes_case_idx" ON "avhopp_processes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "avhopp_processes_district_idx" ON "avhopp_processes" USING btree ("district_id","ended_on","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "avhopp_steps_process_seq_idx" ON "avhopp_steps" USING btree ("process_id","seq");--> statement-breakpoint
CREATE INDEX "lagesbild_measures_lagesbild_idx" ON "lagesbild_measures" USING btree ("lagesbild_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "lagesbild_versions_version_idx" ON "lagesbild_versions" USING btree ("lagesbild_id","version");--> statement-breakpoint
CREATE INDEX "lagesbilder_year_idx" ON "lagesbilder" USING btree ("year");