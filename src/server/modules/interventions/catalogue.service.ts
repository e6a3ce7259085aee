import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { catalogueBody, catalogueEntry } from "../../../contracts/interventions";
import { STARTER_CATALOGUE } from "../../../domain/interventions/catalogue";
import type { Database, Db, Tx } from "../../db/connection";
import { districts, insatsAvailability, insatsCatalogue } from "../../db/schema/index";
import { type Actor, hasPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";

type Entry = z.infer<typeof catalogueEntry>;
type Body = z.infer<typeof catalogueBody>;

/**
 * Loads the starter catalogue entries that are missing, offered in every district that exists.
 * Run at every start: entries already there (perhaps edited by the administrator) are left alone.
 */
export async function ensureStarterCatalogue(db: Db | Tx): Promise<void> {
  const inserted = await db
    .insert(insatsCatalogue)
    .values(STARTER_CATALOGUE.map((e) => ({ ...e, description: e.description })))
    .onConflictDoNothing({ target: insatsCatalogue.code })
    .returning({ id: insatsCatalogue.id });
  if (inserted.length === 0) return;
  const all = await db.select({ id: districts.id }).from(districts);
  if (all.length === 0) return;
  await db
    .insert(insatsAvailability)
    .values(inserted.flatMap((c) => all.map((d) => ({ catalogueId: c.id, districtId: d.id }))))
    .onConflictDoNothing();
}

/** A new district offers every active catalogue entry until the administrator says otherwise. */
export async function offerCatalogueInDistrict(tx: Db | Tx, districtId: string): Promise<void> {
  const active = await tx.select({ id: insatsCatalogue.id }).from(insatsCatalogue).where(eq(insatsCatalogue.active, true));
  if (active.length === 0) return;
  await tx
    .insert(insatsAvailability)
    .values(active.map((c) => ({ catalogueId: c.id, districtId })))
    .onConflictDoNothing();
}

export async function listCatalogue({ db }: Database, actor: Actor): Promise<{ items: Entry[] }> {
  const [rows, offered] = await Promise.all([
    db.select().from(insatsCatalogue).orderBy(asc(insatsCatalogue.name)),
    db.select().from(insatsAvailability),
  ]);
  // The administrator sees every district's offer; staff see their own districts'.
  const visible = hasPermission(actor, "catalogue:manage") ? null : new Set(actor.assignments.map((a) => a.districtId));
  return {
    items: rows.map((r) => ({
      ...r,
      kind: r.kind as Entry["kind"],
      providerKind: r.providerKind as Entry["providerKind"],
      preventionLevel: r.preventionLevel as Entry["preventionLevel"],
      evidenceStatus: r.evidenceStatus as Entry["evidenceStatus"],
      legalForm: r.legalForm as Entry["legalForm"],
      districtIds: offered
        .filter((o) => o.catalogueId === r.id && (!visible || visible.has(o.districtId)))
        .map((o) => o.districtId),
    })),
  };
}

async function checkDistricts(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.select({ id: districts.id }).from(districts).where(inArray(districts.id, ids));
  if (found.length !== new Set(ids).size) {
    throw badRequest("unknown_district", "Okänt distrikt / Unknown district", [
      { path: "body.districtIds", message: "Okänt distrikt / Unknown district" },
    ]);
  }
}

export async function saveCatalogueEntry({ db }: Database, actor: Actor, id: string | null, body: Body): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await checkDistricts(tx, body.districtIds);
    const { districtIds, ...values } = body;
    let entryId: string;
    if (id) {
      const [row] = await tx
        .update(insatsCatalogue)
        .set(values)
        .where(eq(insatsCatalogue.id, id))
        .returning({ id: insatsCatalogue.id });
      if (!row) throw notFound();
      entryId = row.id;
    } else {
      const [row] = await tx.insert(insatsCatalogue).values(values).onConflictDoNothing().returning({ id: insatsCatalogue.id });
      if (!row) {
        throw conflict("code_taken", "Koden finns redan / Code already in use", [
          { path: "body.code", message: "Koden finns redan / Code already in use" },
        ]);
      }
      entryId = row.id;
    }
    await tx.delete(insatsAvailability).where(eq(insatsAvailability.catalogueId, entryId));
    if (districtIds.length) {
      await tx
        .insert(insatsAvailability)
        .values([...new Set(districtIds)].map((districtId) => ({ catalogueId: entryId, districtId })));
    }
    await audit(tx, actor, {
      action: id ? "catalogue.update" : "catalogue.create",
      permission: "catalogue:manage",
      recordType: "insats_catalogue",
      recordId: entryId,
      details: { code: body.code, districts: districtIds.length },
    });
    return { id: entryId };
  });
}

/** The catalogue entry for a new insats: it must exist, be active and be offered in the district. */
export async function offeredEntry(tx: Tx, catalogueId: string, districtId: string) {
  const [row] = await tx
    .select({ entry: insatsCatalogue, offered: insatsAvailability.districtId })
    .from(insatsCatalogue)
    .leftJoin(
      insatsAvailability,
      and(eq(insatsAvailability.catalogueId, insatsCatalogue.id), eq(insatsAvailability.districtId, districtId)),
    )
    .where(eq(insatsCatalogue.id, catalogueId));
  if (!row) {
    throw badRequest("unknown_insats", "Insatsen finns inte i katalogen / Not in the catalogue", [
      { path: "body.catalogueId", message: "Okänd insats / Unknown insats" },
    ]);
  }
  if (!row.entry.active || !row.offered) {
    throw badRequest("insats_not_offered", "Insatsen erbjuds inte i distriktet / Not offered in this district", [
      { path: "body.catalogueId", message: "Erbjuds inte i distriktet / Not offered in the district" },
    ]);
  }
  return row.entry;
}

export async function getInsatsPolicy({ db }: Database, districtId: string) {
  const [row] = await db
    .select({ districtId: districts.id, planDueDays: districts.planDueDays })
    .from(districts)
    .where(eq(districts.id, districtId));
  if (!row) throw notFound();
  return row;
}

/** The district's limit for a signed genomförandeplan; the plan clocks read it as they run. */
export async function setInsatsPolicy({ db }: Database, actor: Actor, districtId: string, planDueDays: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(districts)
      .set({ planDueDays })
      .where(eq(districts.id, districtId))
      .returning({ districtId: districts.id, planDueDays: districts.planDueDays });
    if (!row) throw notFound();
    await audit(tx, actor, {
      action: "district.insats_policy",
      permission: "admin",
      recordType: "district",
      recordId: districtId,
      details: { planDueDays },
    });
    return row;
  });
}
