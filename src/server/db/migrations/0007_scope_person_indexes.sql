CREATE INDEX "investigations_person_idx" ON "investigations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "reports_person_idx" ON "reports" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "insatser_person_idx" ON "insatser" USING btree ("person_id");