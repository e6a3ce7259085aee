import { pgTable, smallint, text } from "drizzle-orm/pg-core";

/**
 * The secret from which every record's cell key is derived (platform/record-keys.ts). One row,
 * made by the migration with the database's own random source; it never leaves the server, so no
 * reader, nor any staff member who sees record ids, can compute a cell's perturbation.
 */
export const disclosureSecret = pgTable("disclosure_secret", {
  id: smallint("id").primaryKey(),
  secret: text("secret").notNull(),
});
