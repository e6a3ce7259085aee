CREATE TABLE "person_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"custody" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	CONSTRAINT "person_relations_not_self" CHECK ("person_relations"."child_id" <> "person_relations"."related_person_id"),
	CONSTRAINT "person_relations_relation" CHECK ("person_relations"."relation" in ('forelder', 'sarskilt_forordnad_vardnadshavare', 'familjehemsforalder', 'syskon', 'kontaktperson', 'annan'))
);
--> statement-breakpoint
CREATE TABLE "guardian_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"relation_id" uuid NOT NULL,
	"informed_on" date NOT NULL,
	"method" text NOT NULL,
	"position" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guardian_notices_method" CHECK ("guardian_notices"."method" in ('brev', 'mote', 'telefon', 'digitalt'))
);
--> statement-breakpoint
CREATE TABLE "child_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"report_id" uuid,
	"investigation_id" uuid,
	"recorded_on" date NOT NULL,
	"view" text,
	"not_heard_reason" text,
	"not_heard_note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_views_stage" CHECK ("child_views"."stage" in ('forhandsbedomning', 'utredning', 'uppfoljning')),
	CONSTRAINT "child_views_view_or_reason" CHECK (("child_views"."view" is null) <> ("child_views"."not_heard_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_child_id_persons_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_related_person_id_persons_id_fk" FOREIGN KEY ("related_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_notices" ADD CONSTRAINT "guardian_notices_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_notices" ADD CONSTRAINT "guardian_notices_guardian_id_persons_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_notices" ADD CONSTRAINT "guardian_notices_relation_id_person_relations_id_fk" FOREIGN KEY ("relation_id") REFERENCES "public"."person_relations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_notices" ADD CONSTRAINT "guardian_notices_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_views" ADD CONSTRAINT "child_views_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_relations_child_idx" ON "person_relations" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "person_relations_related_idx" ON "person_relations" USING btree ("related_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_relations_live_unique" ON "person_relations" USING btree ("child_id","related_person_id") WHERE "person_relations"."removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_notices_once" ON "guardian_notices" USING btree ("investigation_id","guardian_id");--> statement-breakpoint
CREATE INDEX "child_views_case_idx" ON "child_views" USING btree ("case_id","recorded_on");--> statement-breakpoint
CREATE INDEX "child_views_investigation_idx" ON "child_views" USING btree ("investigation_id");
