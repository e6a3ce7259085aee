CREATE TABLE "emergency_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid,
	"user_district_id" uuid,
	"person_district_id" uuid NOT NULL,
	"category" text NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"review_verdict" text,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "emergency_access_grants_category" CHECK ("emergency_access_grants"."category" in ('akut_skyddsbehov', 'jourarende', 'annat')),
	CONSTRAINT "emergency_access_grants_reason" CHECK (char_length(btrim("emergency_access_grants"."reason")) >= 20),
	CONSTRAINT "emergency_access_grants_period" CHECK ("emergency_access_grants"."expires_at" > "emergency_access_grants"."granted_at"),
	CONSTRAINT "emergency_access_grants_verdict" CHECK ("emergency_access_grants"."review_verdict" is null or "emergency_access_grants"."review_verdict" in ('godkand', 'ifragasatt')),
	CONSTRAINT "emergency_access_grants_review_complete" CHECK (("emergency_access_grants"."review_verdict" is null) = ("emergency_access_grants"."reviewed_at" is null) and ("emergency_access_grants"."reviewed_at" is null) = ("emergency_access_grants"."reviewed_by" is null)),
	CONSTRAINT "emergency_access_grants_questioned_note" CHECK ("emergency_access_grants"."review_verdict" is distinct from 'ifragasatt' or char_length(btrim(coalesce("emergency_access_grants"."review_note", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_user_district_id_districts_id_fk" FOREIGN KEY ("user_district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_person_district_id_districts_id_fk" FOREIGN KEY ("person_district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_access_grants" ADD CONSTRAINT "emergency_access_grants_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_access_grants_user_idx" ON "emergency_access_grants" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "emergency_access_grants_person_idx" ON "emergency_access_grants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "emergency_access_grants_unreviewed_idx" ON "emergency_access_grants" USING btree ("granted_at") WHERE "emergency_access_grants"."reviewed_at" is null;
