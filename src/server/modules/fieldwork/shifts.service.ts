import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { z } from "zod";
import type { CreateShiftInput, contactCount, ShiftDetail, shiftList } from "../../../contracts/fieldwork";
import { PERSONAL_DATA_MESSAGE, personalDataFields } from "../../../domain/fieldwork/personal-data";
import { type FieldTag, isFieldTag } from "../../../domain/fieldwork/vocabulary";
import type { Database, Db, Tx } from "../../db/connection";
import { fieldAreas, fieldShifts, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, notFound } from "../../platform/errors";
import { chosenDistricts, fieldDistricts, fieldStaff } from "./access";
import { periodBounds } from "./period";

/** A period's shift list shows at most this many, newest first, and says when it cut. */
const SHIFTS_SHOWN = 200;
/** A shift is a working shift: longer than a day is a typing mistake. */
const MAX_SHIFT_HOURS = 24;

type Contact = z.infer<typeof contactCount>;

/** 400 refusing free text with a personnummer: the worker makes an orosanmälan instead. */
export function refusePersonalData(texts: Record<string, string | readonly string[] | undefined>) {
  const fields = personalDataFields(texts);
  if (fields.length) throw badRequest("personal_data", PERSONAL_DATA_MESSAGE, fields);
}

async function namesOf(tx: Db | Tx, table: "users" | "areas", ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows =
    table === "users"
      ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))
      : await tx.select({ id: fieldAreas.id, name: fieldAreas.name }).from(fieldAreas).where(inArray(fieldAreas.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function createShift({ db }: Database, actor: Actor, input: CreateShiftInput) {
  if (!fieldDistricts(actor, "fieldwork:log").includes(input.districtId))
    throw badRequest("district_not_in_scope", "Välj ett av dina distrikt / Choose one of your districts", [
      { path: "body.districtId", message: "Inte ditt distrikt / Not your district" },
    ]);
  const start = Date.parse(input.startedAt);
  const end = Date.parse(input.endedAt);
  if (!(end > start) || end - start > MAX_SHIFT_HOURS * 3_600_000)
    throw badRequest(
      "invalid_period",
      "Passet ska sluta efter att det börjat och vara högst ett dygn / The shift must end after it starts and last at most a day",
      [{ path: "body.endedAt", message: "Före start eller längre än 24 timmar / Before the start or longer than 24 hours" }],
    );
  refusePersonalData({
    "body.observations": input.observations,
    "body.places": input.places,
    "body.followUpNote": input.followUpNote,
  });
  const cells = new Set(input.contacts.map((c) => `${c.ageBand}/${c.gender}`));
  if (cells.size !== input.contacts.length)
    throw badRequest("duplicate_contact_cell", "Samma åldersgrupp och kön två gånger / The same age band and gender twice", [
      { path: "body.contacts", message: "Dubbletter / Duplicates" },
    ]);
  return db.transaction(async (tx) => {
    const areas = await tx
      .select({ id: fieldAreas.id })
      .from(fieldAreas)
      .where(
        and(inArray(fieldAreas.id, input.areaIds), eq(fieldAreas.districtId, input.districtId), eq(fieldAreas.active, true)),
      );
    if (areas.length !== input.areaIds.length)
      throw badRequest("area_not_in_district", "Välj områden i distriktet / Choose areas of the district", [
        { path: "body.areaIds", message: "Okänt område / Unknown area" },
      ]);
    const staff = new Set((await fieldStaff(tx, [input.districtId])).map((s) => s.id));
    if (!input.staffIds.every((id) => staff.has(id)))
      throw badRequest(
        "staff_not_in_district",
        "Personalen ska arbeta med fältarbete i distriktet / Staff must do field work in the district",
        [{ path: "body.staffIds", message: "Okänd personal / Unknown staff" }],
      );
    const sum = (keep: (c: Contact) => boolean) => input.contacts.filter(keep).reduce((n, c) => n + c.count, 0);
    const [row] = await tx
      .insert(fieldShifts)
      .values({
        districtId: input.districtId,
        areaIds: input.areaIds,
        startedAt: new Date(start),
        endedAt: new Date(end),
        staffIds: input.staffIds,
        contacts: input.contacts.filter((c) => c.count > 0),
        contactsTotal: sum(() => true),
        girls: sum((c) => c.gender === "flicka"),
        boys: sum((c) => c.gender === "pojke"),
        places: input.places,
        observations: input.observations,
        tags: input.tags,
        followUpWanted: input.followUpWanted,
        followUpNote: input.followUpNote ?? "",
        createdBy: actor.userId,
      })
      .returning({ id: fieldShifts.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "fieldwork.shift.create",
      permission: "fieldwork:log",
      recordType: "field_shift",
      recordId: row.id,
    });
    return row;
  });
}

type ShiftRow = typeof fieldShifts.$inferSelect;

async function summaries(tx: Db | Tx, rows: ShiftRow[]) {
  const areaNames = await namesOf(tx, "areas", [...new Set(rows.flatMap((r) => r.areaIds))]);
  const staffNames = await namesOf(tx, "users", [...new Set(rows.flatMap((r) => [...r.staffIds, r.createdBy]))]);
  return {
    staffNames,
    items: rows.map((r) => ({
      id: r.id,
      districtId: r.districtId,
      areas: r.areaIds.map((id) => ({ id, name: areaNames.get(id) ?? "" })),
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt.toISOString(),
      staff: r.staffIds.map((id) => ({ id, name: staffNames.get(id) ?? "" })),
      contactsTotal: r.contactsTotal,
      tags: r.tags.filter(isFieldTag) as FieldTag[],
      followUpWanted: r.followUpWanted,
    })),
  };
}

/** The shifts of a period in the actor's districts, newest first (no personal data by construction). */
export async function listShifts(
  { db }: Database,
  actor: Actor,
  query: { from: string; to: string; districtId?: string },
): Promise<z.infer<typeof shiftList>> {
  if (query.to < query.from)
    throw badRequest("invalid_period", "Slutdatum före startdatum / End before start", [
      { path: "querystring.to", message: "Före from" },
    ]);
  const ids = chosenDistricts(actor, "fieldwork:read", query.districtId, "querystring.districtId");
  if (!ids.length) return { items: [], truncated: false };
  const { start, end } = periodBounds(query.from, query.to);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(fieldShifts)
      .where(and(inArray(fieldShifts.districtId, ids), gte(fieldShifts.startedAt, start), lt(fieldShifts.startedAt, end)))
      .orderBy(desc(fieldShifts.startedAt), desc(fieldShifts.id))
      .limit(SHIFTS_SHOWN + 1);
    const { items } = await summaries(tx, rows.slice(0, SHIFTS_SHOWN));
    await audit(tx, actor, {
      action: "fieldwork.shift.list",
      permission: "fieldwork:read",
      recordType: "field_shift",
      details: { from: query.from, to: query.to, districts: ids, count: items.length },
    });
    return { items, truncated: rows.length > SHIFTS_SHOWN };
  });
}

export async function getShift({ db }: Database, actor: Actor, id: string): Promise<ShiftDetail> {
  const allowed = fieldDistricts(actor, "fieldwork:read");
  if (!allowed.length) throw notFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(fieldShifts)
      .where(and(eq(fieldShifts.id, id), inArray(fieldShifts.districtId, allowed)));
    if (!row) throw notFound();
    const { items, staffNames } = await summaries(tx, [row]);
    await audit(tx, actor, {
      action: "fieldwork.shift.read",
      permission: "fieldwork:read",
      recordType: "field_shift",
      recordId: id,
    });
    const summary = items[0];
    if (!summary) throw notFound();
    return {
      ...summary,
      contacts: row.contacts as Contact[],
      places: row.places,
      observations: row.observations,
      followUpNote: row.followUpNote,
      createdBy: { id: row.createdBy, name: staffNames.get(row.createdBy) ?? "" },
    };
  });
}

/** The staff who may be named on a shift: those doing fältarbete in the actor's districts. */
export async function listStaff({ db }: Database, actor: Actor, districtId?: string) {
  const ids = chosenDistricts(actor, "fieldwork:log", districtId, "querystring.districtId");
  return { items: await fieldStaff(db, ids) };
}
