import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Database } from "./db/connection";
import { appSettings, districts, units, userRoles, users } from "./db/schema/index";
import { hashPassword, passwordWeakness } from "./platform/passwords";

export interface BootstrapResult {
  /** Set only when the admin account was created by this run with a generated password. */
  generatedAdminPassword: string | null;
}

/**
 * On an empty database: a central unit and the `admin` account, so somebody can sign in and set
 * the rest up. The password comes from VAGVAL_ADMIN_PASSWORD or is generated and shown once.
 */
export async function ensureAdmin({ db }: Database, adminPassword: string | undefined): Promise<BootstrapResult> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  if (n > 0) return { generatedAdminPassword: null };
  if (adminPassword) {
    const weakness = passwordWeakness(adminPassword, "admin");
    if (weakness) throw new Error(`VAGVAL_ADMIN_PASSWORD is too weak: ${weakness}`);
  }
  const password = adminPassword ?? randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    let [central] = await tx.select().from(districts).where(eq(districts.code, "central"));
    if (!central) {
      [central] = await tx.insert(districts).values({ code: "central", name: "Kommungemensamt" }).returning();
    }
    if (!central) throw new Error("could not create the central district");
    const [unit] = await tx
      .insert(units)
      .values({ districtId: central.id, name: "Systemförvaltning", kind: "ledning" })
      .returning();
    const [admin] = await tx
      .insert(users)
      .values({ username: "admin", displayName: "Systemadministratör", passwordHash })
      .returning();
    if (!unit || !admin) throw new Error("could not create the admin account");
    await tx.insert(userRoles).values({ userId: admin.id, unitId: unit.id, role: "systemadministrator" });
  });
  return { generatedAdminPassword: adminPassword ? null : password };
}

export async function isSyntheticDatabase({ db }: Database): Promise<boolean> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "synthetic_data"));
  return row?.value === "true";
}

export async function markSynthetic({ db }: Database): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key: "synthetic_data", value: "true" })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: "true" } });
}
