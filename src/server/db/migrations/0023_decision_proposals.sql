CREATE TABLE "decision_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"investigation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"reason" text NOT NULL,
	"insats" text,
	"new_end_date" date,
	"state" text DEFAULT 'pending' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"comment" text,
	"decision_id" uuid,
	CONSTRAINT "decision_proposals_type" CHECK ("decision_proposals"."type" in ('bistand', 'avslag', 'ingen_atgard', 'uppfoljning', 'lvu_ansokan', 'forlangning')),
	CONSTRAINT "decision_proposals_state" CHECK ("decision_proposals"."state" in ('pending', 'approved', 'returned', 'rejected')),
	CONSTRAINT "decision_proposals_approved_decision" CHECK (("decision_proposals"."state" = 'approved') = ("decision_proposals"."decision_id" is not null)),
	CONSTRAINT "decision_proposals_extension_date" CHECK (("decision_proposals"."type" = 'forlangning') = ("decision_proposals"."new_end_date" is not null)),
	CONSTRAINT "decision_proposals_handled" CHECK ("decision_proposals"."state" = 'pending' or ("decision_proposals"."handled_by" is not null and "decision_proposals"."handled_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_proposals_queue_idx" ON "decision_proposals" USING btree ("district_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "decision_proposals_case_idx" ON "decision_proposals" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_proposals_decision_idx" ON "decision_proposals" USING btree ("decision_id");
