DROP INDEX "reports_person_idx";--> statement-breakpoint
CREATE INDEX "reports_person_received_idx" ON "reports" USING btree ("person_id","received_at");