import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connect, runMigrations } from "../db/connection";
import { startEmbeddedPostgres } from "../db/embedded";
import { ensureShippedInstruments } from "../modules/assessments/shipped";
import { ensureStarterIsu } from "../modules/effects/starter";
import { ensureStarterCatalogue } from "../modules/interventions/catalogue.service";

export const TEMPLATE_DB = "vagval_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One PostgreSQL server per test run, with a migrated template database; each test file clones
 * it (CREATE DATABASE … TEMPLATE), which takes milliseconds and keeps files independent.
 */
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vagval-test-"));
  // As root the server runs as the postgres user, which must reach the data directory.
  await fs.chmod(dir, 0o755);
  const server = await startEmbeddedPostgres(dir);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(server.url, TEMPLATE_DB);
  const template = connect(templateUrl, 2);
  await runMigrations(template.db);
  await ensureShippedInstruments(template.db);
  await ensureStarterCatalogue(template.db);
  await ensureStarterIsu(template.db);
  await template.close();
  project.provide("adminDatabaseUrl", server.url);
  return async () => {
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
