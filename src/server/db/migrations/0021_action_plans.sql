CREATE TABLE "action_plan_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"meeting_id" uuid,
	"note" text NOT NULL,
	"task_statuses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_follow_up_on" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"description" text NOT NULL,
	"responsible_name" text DEFAULT '' NOT NULL,
	"responsible_user_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planerad' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_tasks_status" CHECK ("action_plan_tasks"."status" in ('planerad', 'pagaende', 'klar', 'installd'))
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"forum_id" uuid,
	"title" text NOT NULL,
	"goals" text[] NOT NULL,
	"agencies" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"stage" text DEFAULT 'beredning' NOT NULL,
	"next_follow_up_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_stage" CHECK ("action_plans"."stage" in ('beredning', 'operativ', 'avslutad'))
);
--> statement-breakpoint
ALTER TABLE "action_plan_follow_ups" ADD CONSTRAINT "action_plan_follow_ups_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_follow_ups" ADD CONSTRAINT "action_plan_follow_ups_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_follow_ups" ADD CONSTRAINT "action_plan_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_stage_changes" ADD CONSTRAINT "action_plan_stage_changes_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_stage_changes" ADD CONSTRAINT "action_plan_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_tasks" ADD CONSTRAINT "action_plan_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_plan_follow_ups_plan_idx" ON "action_plan_follow_ups" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE INDEX "action_plan_stage_changes_plan_idx" ON "action_plan_stage_changes" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "action_plan_tasks_plan_idx" ON "action_plan_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "action_plan_tasks_due_idx" ON "action_plan_tasks" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "action_plans_person_idx" ON "action_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "action_plans_district_stage_idx" ON "action_plans" USING btree ("district_id","stage");