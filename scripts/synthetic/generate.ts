import type { Database } from "../../src/server/db/connection";

export const DEFAULT_DEMO_PASSWORD = "syntetisk-demo-2026";
export const DEMO_ACCOUNTS = [
  { username: "handlaggare", role: "handlaggare" },
  { username: "samordnare", role: "samordnare" },
  { username: "utforare", role: "insatsutforare" },
  { username: "enhetschef", role: "enhetschef" },
  { username: "kvalitet", role: "kvalitet" },
  { username: "analytiker", role: "analytiker" },
  { username: "sysadmin", role: "systemadministrator" },
] as const;

export async function generateMunicipality(
  _database: Database,
  _options: { scale: "small" | "city" | "nation"; seed: number; staffPassword: string },
): Promise<void> {}
