CREATE TABLE "lul_yttranden" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_reference" text NOT NULL,
	"offence_category" text NOT NULL,
	"asked_on" date NOT NULL,
	"due_on" date NOT NULL,
	"previous_measures" text,
	"need_assessment" text,
	"planned_measures" text,
	"young_persons_view" text,
	"proposed_measure" text,
	"investigation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"assessment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"decision_id" uuid,
	"sent_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lvu_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"grounds" text[] NOT NULL,
	"behaviours" text[] DEFAULT '{}'::text[] NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" uuid NOT NULL,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "lvu_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"data" jsonb NOT NULL,
	"decision_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lul_yttranden" ADD CONSTRAINT "lul_yttranden_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lul_yttranden" ADD CONSTRAINT "lul_yttranden_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lul_yttranden" ADD CONSTRAINT "lul_yttranden_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lul_yttranden" ADD CONSTRAINT "lul_yttranden_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lul_yttranden" ADD CONSTRAINT "lul_yttranden_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lul_yttranden" ADD CONSTRAINT "lul_yttranden_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_processes" ADD CONSTRAINT "lvu_processes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_processes" ADD CONSTRAINT "lvu_processes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_processes" ADD CONSTRAINT "lvu_processes_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_processes" ADD CONSTRAINT "lvu_processes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_steps" ADD CONSTRAINT "lvu_steps_process_id_lvu_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."lvu_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_steps" ADD CONSTRAINT "lvu_steps_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lvu_steps" ADD CONSTRAINT "lvu_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lul_yttranden_case_idx" ON "lul_yttranden" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "lul_yttranden_district_due_idx" ON "lul_yttranden" USING btree ("district_id","due_on");--> statement-breakpoint
CREATE INDEX "lul_yttranden_district_asked_idx" ON "lul_yttranden" USING btree ("district_id","asked_on");--> statement-breakpoint
CREATE INDEX "lvu_processes_case_idx" ON "lvu_processes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "lvu_processes_district_idx" ON "lvu_processes" USING btree ("district_id","ended_on");--> statement-breakpoint
CREATE UNIQUE INDEX "lvu_processes_one_open_idx" ON "lvu_processes" USING btree ("case_id") WHERE ended_on is null;--> statement-breakpoint
CREATE UNIQUE INDEX "lvu_steps_process_seq_idx" ON "lvu_steps" USING btree ("process_id","seq");