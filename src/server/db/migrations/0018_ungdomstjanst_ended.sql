ALTER TABLE "ungdomstjanst_judgments" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_judgments" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "ungdomstjanst_judgments" ADD COLUMN "end_note" text;