import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connect, type Database } from "../db/connection";
import { TEMPLATE_DB, withDatabase } from "./global-setup";

/** A fresh database for one test file, cloned from the migrated template. */
export async function freshDatabase(): Promise<Database & { url: string }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  return { ...connect(url, 10), url };
}
