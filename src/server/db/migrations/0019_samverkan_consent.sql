CREATE TABLE "consent_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"categories" text[] NOT NULL,
	"shared_on" date NOT NULL,
	"recipient" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"meeting_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"given_by" text[] NOT NULL,
	"guardianship" text,
	"method" text NOT NULL,
	"agencies" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"forum_ids" uuid[] NOT NULL,
	"forum_types" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_on" date,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	"revocation_note" text,
	CONSTRAINT "consents_period" CHECK ("consents"."valid_until" >= "consents"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "forum_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"forum_id" uuid NOT NULL,
	"meeting_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"staff_participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"external_participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text,
	"minutes_by" uuid,
	"minutes_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forums" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"agencies" text[] NOT NULL,
	"cadence" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forums_age_range" CHECK ("forums"."age_min" <= "forums"."age_max")
);
--> statement-breakpoint
ALTER TABLE "consent_disclosures" ADD CONSTRAINT "consent_disclosures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_disclosures" ADD CONSTRAINT "consent_disclosures_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_disclosures" ADD CONSTRAINT "consent_disclosures_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_disclosures" ADD CONSTRAINT "consent_disclosures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_meeting_id_forum_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."forum_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_forum_id_forums_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forums"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_minutes_by_users_id_fk" FOREIGN KEY ("minutes_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forums" ADD CONSTRAINT "forums_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_disclosures_person_idx" ON "consent_disclosures" USING btree ("person_id","shared_on");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "consents_valid_until_idx" ON "consents" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_agenda_items_meeting_person_idx" ON "forum_agenda_items" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "forum_agenda_items_person_idx" ON "forum_agenda_items" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "forum_meetings_forum_idx" ON "forum_meetings" USING btree ("forum_id","meeting_on");--> statement-breakpoint
CREATE INDEX "forums_district_idx" ON "forums" USING btree ("district_id");