import { addCalendarDays } from "../../domain/clocks";
import { stockholmToday } from "../../domain/time";
import {
  internalControlPlans,
  internalControlPoints,
  logReviewItems,
  logReviews,
  styrdokument,
  styrdokumentDistricts,
  styrdokumentVersions,
} from "../db/schema/index";
import type { World } from "./world";

/* Governance records written straight to the database, for tests that need "a document / review / plan in district X". */

type Target = "own" | "other";
const districtOf = (w: World, t: Target) => (t === "own" ? w.own : w.other);
const suffix = (t: Target) => (t === "own" ? "" : ".b");
let serial = 0;

export const PDF_BYTES = Buffer.from("%PDF-1.4\n% Vägval test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", "latin1");

/** A document of the district at revision 1; "ready" has its decision data and a version, so it can be published. */
export async function seedDocument(w: World, t: Target, stage: "draft" | "ready" = "draft") {
  const { db } = w.database;
  const chef = w.userIds[`enhetschef${suffix(t)}`] as string;
  const today = stockholmToday();
  const [doc] = await db
    .insert(styrdokument)
    .values({
      title: `Rutin ${++serial}`,
      kind: "rutin",
      ownerId: chef,
      createdBy: chef,
      ...(stage === "ready"
        ? { decidedBy: "namnd", decidedOn: addCalendarDays(today, -1), nextReviewOn: addCalendarDays(today, 365) }
        : {}),
    })
    .returning({ id: styrdokument.id });
  const id = doc?.id as string;
  await db.insert(styrdokumentDistricts).values({ documentId: id, districtId: districtOf(w, t).id });
  const [version] = await db
    .insert(styrdokumentVersions)
    .values({
      documentId: id,
      number: 1,
      filename: "rutin.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF_BYTES.length,
      sha256: "0".repeat(64),
      content: PDF_BYTES,
      uploadedBy: chef,
    })
    .returning({ id: styrdokumentVersions.id });
  return { documentId: id, versionId: version?.id as string };
}

/** A month no other seeded review of the district has taken: far in the past. */
export const uniqueMonth = () => `${1900 + ++serial}-01`;

/** A log review of the district with one reader item to judge. */
export async function seedLogReview(w: World, t: Target, withItem = true) {
  const { db } = w.database;
  const kvalitet = w.userIds[`kvalitet${suffix(t)}`] as string;
  const [review] = await db
    .insert(logReviews)
    .values({
      districtId: districtOf(w, t).id,
      month: uniqueMonth(),
      seed: "fixture",
      rowSample: 0,
      userSample: 1,
      maxFlagged: 0,
      rules: {},
      method: "fixture",
      frame: {
        rows: 0,
        accesses: 0,
        users: 0,
        flagged: 0,
        flaggedLeftOut: 0,
        rowSampleTookAll: true,
        userSampleTookAll: true,
        monthComplete: true,
      },
      createdBy: kvalitet,
    })
    .returning({ id: logReviews.id });
  const reviewId = review?.id as string;
  let itemId = "";
  if (withItem) {
    const [item] = await db
      .insert(logReviewItems)
      .values({ reviewId, kind: "user", position: 0, userId: w.userIds[`handlaggare${suffix(t)}`] })
      .returning({ id: logReviewItems.id });
    itemId = item?.id as string;
  }
  return { reviewId, itemId };
}

/** An internal control plan of the district (revision 1) with one point measured by a figure. */
export async function seedControlPlan(w: World, t: Target) {
  const { db } = w.database;
  const chef = w.userIds[`enhetschef${suffix(t)}`] as string;
  const [plan] = await db
    .insert(internalControlPlans)
    .values({ districtId: districtOf(w, t).id, year: 1900 + ++serial, createdBy: chef })
    .returning({ id: internalControlPlans.id });
  const [point] = await db
    .insert(internalControlPoints)
    .values({
      planId: plan?.id as string,
      area: "utredningstider",
      title: "Utredningar inom fyra månader",
      risk: "Utredningar drar ut på tiden",
      probability: 3,
      consequence: 3,
      method: "nyckeltal",
      metric: "utredning_inom_4_manader",
      targetOp: ">=",
      targetValue: 0.9,
      frequency: "tertial",
      responsibleId: chef,
      reportTo: "delarsrapport",
    })
    .returning({ id: internalControlPoints.id });
  return { planId: plan?.id as string, pointId: point?.id as string };
}
