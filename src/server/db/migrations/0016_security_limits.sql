CREATE TABLE "ungdomsovervakning_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"starts_on" date NOT NULL,
	"follow_up_by" date NOT NULL,
	"followed_up_on" date,
	"outcome" text,
	"outcome_note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ungdomsovervakning_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"court" text NOT NULL,
	"judgment_on" date NOT NULL,
	"months" integer NOT NULL,
	"koordinator" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ungdomstjanst_judgments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"court" text NOT NULL,
	"case_number" text NOT NULL,
	"judgment_on" date NOT NULL,
	"hours" integer NOT NULL,
	"programme_hours" integer NOT NULL,
	"start_by" date,
	"complete_by" date,
	"workplace" text,
	"supervisor_name" text,
	"placed_on" date,
	"completed_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ungdomstjanst_misconduct" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"judgment_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"prosecutor_reference" text NOT NULL,
	"note" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ungdomstjanst_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"judgment_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"minutes" integer NOT NULL,
	"attendance" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protected_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "throttle_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_hit_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_refused" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" DROP CONSTRAINT "persons_personnummer_unique";--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "protected_match_id" uuid;--> statement-breakpoint
ALTER TABLE "ungdomsovervakning_items" ADD CONSTRAINT "ungdomsovervakning_items_plan_id_ungdomsovervakning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."ungdomsovervakning_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomsovervakning_items" ADD CONSTRAINT "ungdomsovervakning_items_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomsovervakning_plans" ADD CONSTRAINT "ungdomsovervakning_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomsovervakning_plans" ADD CONSTRAINT "ungdomsovervakning_plans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomsovervakning_plans" ADD CONSTRAINT "ungdomsovervakning_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomsovervakning_plans" ADD CONSTRAINT "ungdomsovervakning_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_judgments" ADD CONSTRAINT "ungdomstjanst_judgments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_judgments" ADD CONSTRAINT "ungdomstjanst_judgments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_judgments" ADD CONSTRAINT "ungdomstjanst_judgments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_judgments" ADD CONSTRAINT "ungdomstjanst_judgments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_misconduct" ADD CONSTRAINT "ungdomstjanst_misconduct_judgment_id_ungdomstjanst_judgments_id_fk" FOREIGN KEY ("judgment_id") REFERENCES "public"."ungdomstjanst_judgments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_misconduct" ADD CONSTRAINT "ungdomstjanst_misconduct_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_sessions" ADD CONSTRAINT "ungdomstjanst_sessions_judgment_id_ungdomstjanst_judgments_id_fk" FOREIGN KEY ("judgment_id") REFERENCES "public"."ungdomstjanst_judgments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_sessions" ADD CONSTRAINT "ungdomstjanst_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_access_grants" ADD CONSTRAINT "protected_access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_access_grants" ADD CONSTRAINT "protected_access_grants_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protected_access_grants" ADD CONSTRAINT "protected_access_grants_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ungdomsovervakning_items_plan_idx" ON "ungdomsovervakning_items" USING btree ("plan_id","followed_up_on");--> statement-breakpoint
CREATE INDEX "ungdomsovervakning_plans_case_idx" ON "ungdomsovervakning_plans" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "ungdomsovervakning_plans_district_idx" ON "ungdomsovervakning_plans" USING btree ("district_id","judgment_on");--> statement-breakpoint
CREATE INDEX "ungdomstjanst_judgments_case_idx" ON "ungdomstjanst_judgments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "ungdomstjanst_judgments_district_idx" ON "ungdomstjanst_judgments" USING btree ("district_id","completed_on");--> statement-breakpoint
CREATE INDEX "ungdomstjanst_judgments_district_day_idx" ON "ungdomstjanst_judgments" USING btree ("district_id","judgment_on");--> statement-breakpoint
CREATE INDEX "ungdomstjanst_misconduct_judgment_idx" ON "ungdomstjanst_misconduct" USING btree ("judgment_id");--> statement-breakpoint
CREATE INDEX "ungdomstjanst_sessions_judgment_idx" ON "ungdomstjanst_sessions" USING btree ("judgment_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "protected_access_grants_pending_idx" ON "protected_access_grants" USING btree ("user_id") WHERE "protected_access_grants"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "throttle_counters_last_hit_idx" ON "throttle_counters" USING btree ("last_hit_at");--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_protected_match_id_persons_id_fk" FOREIGN KEY ("protected_match_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_personnummer_unique" ON "persons" USING btree ("personnummer") WHERE "persons"."protected_match_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_protected_match_unique" ON "persons" USING btree ("personnummer","district_id") WHERE "persons"."protected_match_id" is not null;