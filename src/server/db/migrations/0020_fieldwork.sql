CREATE TABLE "field_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"name" text NOT NULL,
	"polygon" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "field_incidents_status" CHECK ("field_incidents"."status" in ('submitted', 'returned', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "field_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"area_ids" uuid[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"staff_ids" uuid[] NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contacts_total" integer DEFAULT 0 NOT NULL,
	"girls" integer DEFAULT 0 NOT NULL,
	"boys" integer DEFAULT 0 NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"observations" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_up_wanted" boolean DEFAULT false NOT NULL,
	"follow_up_note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_shifts_period" CHECK ("field_shifts"."started_at" < "field_shifts"."ended_at")
);
--> statement-breakpoint
ALTER TABLE "field_areas" ADD CONSTRAINT "field_areas_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_areas" ADD CONSTRAINT "field_areas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_incidents" ADD CONSTRAINT "field_incidents_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_incidents" ADD CONSTRAINT "field_incidents_area_id_field_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."field_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_incidents" ADD CONSTRAINT "field_incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_incidents" ADD CONSTRAINT "field_incidents_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_shifts" ADD CONSTRAINT "field_shifts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_shifts" ADD CONSTRAINT "field_shifts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_areas_district_idx" ON "field_areas" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "field_incidents_district_idx" ON "field_incidents" USING btree ("district_id","status","occurred_at");--> statement-breakpoint
CREATE INDEX "field_shifts_district_started_idx" ON "field_shifts" USING btree ("district_id","started_at");