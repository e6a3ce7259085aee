import { createHash } from "node:crypto";
import { and, asc, desc, eq, exists, gt, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  createDocumentBody,
  DocumentDetail,
  DocumentSummary,
  documentQuery,
  updateDocumentBody,
  uploadVersionBody,
} from "../../../contracts/styrdokument";
import { addCalendarDays } from "../../../domain/clocks";
import {
  type DecisionLevel,
  DOCUMENT_FILE_TYPES,
  type DocumentKind,
  type DocumentStatus,
  daysToReview,
  detectDocumentType,
  MAX_DOCUMENT_BYTES,
  type ProcessStep,
  type PublishProblem,
  publishProblems,
  REVIEW_SOON_DAYS,
  reviewState,
} from "../../../domain/governance/styrdokument";
import { stockholmDate } from "../../../domain/time";
import type { Database, Tx } from "../../db/connection";
import { styrdokument, styrdokumentDistricts, styrdokumentVersions, users } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { field, requireDistricts, requireStaff, staffOfDistricts, staleRevision } from "./common";

type Doc = typeof styrdokument.$inferSelect;
const owner = alias(users, "owner");
const uploader = alias(users, "uploader");
const publisher = alias(users, "publisher");
const inForce = alias(styrdokumentVersions, "in_force");

/** Documents apply to districts: a reader sees those of any district they work in. */
function readScope(actor: Actor): SQL {
  const districts = districtsWithPermission(actor, "document:read");
  if (districts.length === 0) return sql`false`;
  return exists(
    sql`(select 1 from ${styrdokumentDistricts} where ${styrdokumentDistricts.documentId} = ${styrdokument.id} and ${inArray(
      styrdokumentDistricts.districtId,
      districts,
    )})`,
  );
}

/** A document is managed by whoever holds document:manage in every district it applies to. */
function canManage(actor: Actor, districtIds: readonly string[]): boolean {
  const managed = districtsWithPermission(actor, "document:manage");
  return districtIds.length > 0 && districtIds.every((d) => managed.includes(d));
}

const summaryColumns = {
  doc: styrdokument,
  ownerName: owner.displayName,
  districtIds: sql<
    string[]
  >`(select coalesce(array_agg(${styrdokumentDistricts.districtId}::text order by ${styrdokumentDistricts.districtId}), '{}')
    from ${styrdokumentDistricts} where ${styrdokumentDistricts.documentId} = ${styrdokument.id})`,
  inForceNumber: inForce.number,
  inForceDecidedBy: inForce.decidedBy,
  inForceDecidedOn: inForce.decidedOn,
  inForceValidFrom: inForce.validFrom,
};
type SummaryRow = { doc: Doc; ownerName: string; districtIds: string[] } & {
  inForceNumber: number | null;
  inForceDecidedBy: string | null;
  inForceDecidedOn: string | null;
  inForceValidFrom: string | null;
};

function summaryQuery(tx: Database["db"] | Tx) {
  return tx
    .select(summaryColumns)
    .from(styrdokument)
    .innerJoin(owner, eq(owner.id, styrdokument.ownerId))
    .leftJoin(inForce, eq(inForce.id, styrdokument.publishedVersionId));
}

function toSummary(r: SummaryRow, today: string): DocumentSummary {
  const d = r.doc;
  // A document no longer in force has nothing left to review.
  const reviewOn = d.status === "upphavd" ? null : d.nextReviewOn;
  return {
    id: d.id,
    title: d.title,
    kind: d.kind as DocumentKind,
    status: d.status as DocumentStatus,
    processSteps: d.processSteps as ProcessStep[],
    ownerId: d.ownerId,
    ownerName: r.ownerName,
    districtIds: r.districtIds,
    nextReviewOn: d.nextReviewOn,
    reviewState: reviewState(reviewOn, today),
    daysToReview: daysToReview(reviewOn, today),
    inForce: {
      versionNumber: r.inForceNumber,
      decidedBy: r.inForceDecidedBy as DecisionLevel | null,
      decidedOn: r.inForceDecidedOn,
      validFrom: r.inForceValidFrom,
    },
  };
}

export async function listDocuments(
  { db }: Database,
  actor: Actor,
  q: z.infer<typeof documentQuery>,
  now: Date,
): Promise<{ items: DocumentSummary[]; nextCursor: string | null }> {
  const after = q.cursor ? (decodeCursor(q.cursor, ["text", "uuid"]) as [string, string]) : null;
  const rows = await summaryQuery(db)
    .where(
      and(
        readScope(actor),
        q.status ? eq(styrdokument.status, q.status) : undefined,
        q.kind ? eq(styrdokument.kind, q.kind) : undefined,
        q.processStep ? sql`${q.processStep} = any(${styrdokument.processSteps})` : undefined,
        q.districtId
          ? exists(
              sql`(select 1 from ${styrdokumentDistricts} where ${styrdokumentDistricts.documentId} = ${styrdokument.id} and ${styrdokumentDistricts.districtId} = ${q.districtId})`,
            )
          : undefined,
        q.q ? ilike(styrdokument.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        after
          ? or(gt(styrdokument.title, after[0]), and(eq(styrdokument.title, after[0]), gt(styrdokument.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(asc(styrdokument.title), asc(styrdokument.id))
    .limit(q.limit + 1);
  const today = stockholmDate(now);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, today)),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.doc.title, last.doc.id]) : null,
  };
}

/** The owner's published documents whose review is due within REVIEW_SOON_DAYS, or past: the start page's reminder. */
export async function myReviews({ db }: Database, actor: Actor, now: Date) {
  const today = stockholmDate(now);
  const horizon = addCalendarDays(today, REVIEW_SOON_DAYS);
  const rows = await summaryQuery(db)
    .where(
      and(
        readScope(actor),
        eq(styrdokument.ownerId, actor.userId),
        eq(styrdokument.status, "publicerad"),
        lte(styrdokument.nextReviewOn, horizon),
      ),
    )
    .orderBy(asc(styrdokument.nextReviewOn), asc(styrdokument.title))
    .limit(100);
  return { items: rows.map((r) => toSummary(r, today)), soonDays: REVIEW_SOON_DAYS };
}

async function loadInScope(tx: Database["db"] | Tx, actor: Actor, id: string): Promise<SummaryRow> {
  const [row] = await summaryQuery(tx).where(and(eq(styrdokument.id, id), readScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** Loads for a change with the row locked (two edits run one after the other), or 404 when the actor may not manage it. */
async function loadForChange(tx: Tx, actor: Actor, id: string, revision: number) {
  const row = await loadInScope(tx, actor, id);
  if (!canManage(actor, row.districtIds)) throw notFound();
  const [locked] = await tx.select().from(styrdokument).where(eq(styrdokument.id, id)).for("update");
  if (!locked) throw notFound();
  if (locked.revision !== revision) throw staleRevision();
  return { ...row, doc: locked };
}

async function versionsOf(tx: Database["db"] | Tx, documentId: string) {
  return tx
    .select({
      v: {
        id: styrdokumentVersions.id,
        number: styrdokumentVersions.number,
        filename: styrdokumentVersions.filename,
        contentType: styrdokumentVersions.contentType,
        sizeBytes: styrdokumentVersions.sizeBytes,
        sha256: styrdokumentVersions.sha256,
        note: styrdokumentVersions.note,
        uploadedAt: styrdokumentVersions.uploadedAt,
        publishedAt: styrdokumentVersions.publishedAt,
        decidedBy: styrdokumentVersions.decidedBy,
        decidedOn: styrdokumentVersions.decidedOn,
        validFrom: styrdokumentVersions.validFrom,
      },
      uploadedBy: uploader.displayName,
      publishedBy: publisher.displayName,
    })
    .from(styrdokumentVersions)
    .innerJoin(uploader, eq(uploader.id, styrdokumentVersions.uploadedBy))
    .leftJoin(publisher, eq(publisher.id, styrdokumentVersions.publishedBy))
    .where(eq(styrdokumentVersions.documentId, documentId))
    .orderBy(desc(styrdokumentVersions.number));
}

function problemsOf(doc: Doc, versions: { id: string; number: number; decidedOn: string | null }[], today: string) {
  const published = versions.find((v) => v.id === doc.publishedVersionId);
  return publishProblems(
    {
      decidedBy: doc.decidedBy as DecisionLevel | null,
      decidedOn: doc.decidedOn,
      validFrom: doc.validFrom,
      nextReviewOn: doc.nextReviewOn,
      latestVersion: versions[0]?.number ?? null,
      publishedVersion: published ? { number: published.number, decidedOn: published.decidedOn } : null,
    },
    today,
  );
}

export async function getDocument({ db }: Database, actor: Actor, id: string, now: Date): Promise<DocumentDetail> {
  const row = await loadInScope(db, actor, id);
  const versions = await versionsOf(db, id);
  const today = stockholmDate(now);
  const d = row.doc;
  return {
    ...toSummary(row, today),
    description: d.description,
    revision: d.revision,
    draft: {
      decidedBy: d.decidedBy as DecisionLevel | null,
      decidedOn: d.decidedOn,
      validFrom: d.validFrom,
      nextReviewOn: d.nextReviewOn,
    },
    versions: versions.map(({ v, uploadedBy, publishedBy }) => ({
      ...v,
      decidedBy: v.decidedBy as DecisionLevel | null,
      uploadedAt: v.uploadedAt.toISOString(),
      publishedAt: v.publishedAt?.toISOString() ?? null,
      uploadedBy,
      publishedBy: publishedBy ?? null,
    })),
    canManage: canManage(actor, row.districtIds) && d.status !== "upphavd",
    publishProblems:
      d.status === "upphavd"
        ? []
        : problemsOf(
            d,
            versions.map(({ v }) => v),
            today,
          ),
  };
}

export async function createDocument(
  { db }: Database,
  actor: Actor,
  input: z.infer<typeof createDocumentBody>,
): Promise<{ id: string; revision: number }> {
  return db.transaction(async (tx) => {
    const districtIds = [...new Set(input.districtIds)];
    requireDistricts(districtsWithPermission(actor, "document:manage"), districtIds, "body.districtIds");
    await requireStaff(tx, input.ownerId, districtIds, "body.ownerId");
    const { districtIds: _, ...values } = input;
    const [doc] = await tx
      .insert(styrdokument)
      .values({ ...values, processSteps: [...new Set(values.processSteps)], createdBy: actor.userId })
      .returning({ id: styrdokument.id, revision: styrdokument.revision });
    if (!doc) throw new Error("insert failed");
    await tx.insert(styrdokumentDistricts).values(districtIds.map((districtId) => ({ documentId: doc.id, districtId })));
    await audit(tx, actor, {
      action: "styrdokument.create",
      permission: "document:manage",
      recordType: "styrdokument",
      recordId: doc.id,
      details: { kind: input.kind, districts: districtIds },
    });
    return doc;
  });
}

export async function updateDocument(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateDocumentBody>,
): Promise<{ id: string; revision: number }> {
  return db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id, input.revision);
    if (current.doc.status === "upphavd") throw revoked();
    const { revision: _, districtIds, ...values } = input;
    const newDistricts = districtIds ? [...new Set(districtIds)] : current.districtIds;
    if (districtIds) requireDistricts(districtsWithPermission(actor, "document:manage"), newDistricts, "body.districtIds");
    if (values.ownerId || districtIds)
      await requireStaff(tx, values.ownerId ?? current.doc.ownerId, newDistricts, "body.ownerId");
    const [doc] = await tx
      .update(styrdokument)
      .set({
        ...values,
        ...(values.processSteps ? { processSteps: [...new Set(values.processSteps)] } : {}),
        revision: current.doc.revision + 1,
        updatedAt: new Date(),
      })
      .where(eq(styrdokument.id, id))
      .returning({ id: styrdokument.id, revision: styrdokument.revision });
    if (districtIds) {
      await tx.delete(styrdokumentDistricts).where(eq(styrdokumentDistricts.documentId, id));
      await tx.insert(styrdokumentDistricts).values(newDistricts.map((districtId) => ({ documentId: id, districtId })));
    }
    await audit(tx, actor, {
      action: "styrdokument.update",
      permission: "document:manage",
      recordType: "styrdokument",
      recordId: id,
      details: { fields: Object.keys(input).filter((k) => k !== "revision") },
    });
    return doc as { id: string; revision: number };
  });
}

const revoked = () => conflict("document_revoked", "Dokumentet är upphävt / The document has been revoked");

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A new version with its file. The file's type is judged by its content (PDF, DOCX or ODT), at most 10 MB. */
export async function uploadVersion(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof uploadVersionBody>,
): Promise<{ id: string; number: number; revision: number }> {
  const base64 = input.contentBase64.replace(/\s/g, "");
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) {
    throw badRequest(
      "invalid_base64",
      "Filen är inte giltig base64 / Not valid base64",
      field("body.contentBase64", "Ogiltig base64"),
    );
  }
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0 || bytes.length > MAX_DOCUMENT_BYTES) {
    throw badRequest(
      "file_size",
      "Filen ska vara mellan 1 byte och 10 MB / The file must be 1 byte to 10 MB",
      field("body.contentBase64", "Högst 10 MB / At most 10 MB"),
    );
  }
  const type = detectDocumentType(bytes);
  if (!type) {
    throw badRequest(
      "file_type_not_allowed",
      "Endast PDF, DOCX eller ODT / Only PDF, DOCX or ODT",
      field("body.contentBase64", "Filen är inte PDF, DOCX eller ODT / Not a PDF, DOCX or ODT file"),
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id, input.revision);
    if (current.doc.status === "upphavd") throw revoked();
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${styrdokumentVersions.number}), 0) + 1` })
      .from(styrdokumentVersions)
      .where(eq(styrdokumentVersions.documentId, id));
    const [version] = await tx
      .insert(styrdokumentVersions)
      .values({
        documentId: id,
        number: Number(next),
        filename: input.filename,
        contentType: DOCUMENT_FILE_TYPES[type],
        sizeBytes: bytes.length,
        sha256,
        content: bytes,
        note: input.note,
        uploadedBy: actor.userId,
      })
      .returning({ id: styrdokumentVersions.id, number: styrdokumentVersions.number });
    const [doc] = await tx
      .update(styrdokument)
      .set({ revision: current.doc.revision + 1, updatedAt: new Date() })
      .where(eq(styrdokument.id, id))
      .returning({ revision: styrdokument.revision });
    if (!version || !doc) throw new Error("insert failed");
    await audit(tx, actor, {
      action: "styrdokument.version_upload",
      permission: "document:manage",
      recordType: "styrdokument",
      recordId: id,
      details: { version: version.number, contentType: type, sizeBytes: bytes.length, sha256 },
    });
    return { id: version.id, number: version.number, revision: doc.revision };
  });
}

export async function versionFile({ db }: Database, actor: Actor, id: string, versionId: string) {
  await loadInScope(db, actor, id);
  const [file] = await db
    .select({
      filename: styrdokumentVersions.filename,
      contentType: styrdokumentVersions.contentType,
      content: styrdokumentVersions.content,
    })
    .from(styrdokumentVersions)
    .where(and(eq(styrdokumentVersions.id, versionId), eq(styrdokumentVersions.documentId, id)));
  if (!file) throw notFound();
  return file;
}

const PROBLEM_TEXT: Record<PublishProblem["code"], string> = {
  missing: "Saknas / Missing",
  in_future: "Ligger i framtiden / In the future",
  before_decision: "Före beslutsdatum / Before the decision date",
  not_after_decision: "Ska ligga efter beslutsdatum / Must be after the decision date",
  in_past: "Ska ligga efter i dag / Must be after today",
  earlier_than_in_force: "Före beslutet för versionen som gäller / Before the decision of the version in force",
  no_version: "Bifoga dokumentet / Attach the document",
  already_published: "Senaste versionen är redan publicerad / The latest version is already published",
};

/**
 * Publishes the newest version under the document's decision (who decided, when, valid from, next
 * review): 400 naming every field that is missing or wrong, and nothing written. The version keeps
 * the decision; the one before it stops being in force.
 */
export async function publishDocument(
  { db }: Database,
  actor: Actor,
  id: string,
  revision: number,
  now: Date,
): Promise<{ id: string; revision: number; versionNumber: number }> {
  return db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id, revision);
    const d = current.doc;
    if (d.status === "upphavd") throw revoked();
    const versions = await tx
      .select({
        id: styrdokumentVersions.id,
        number: styrdokumentVersions.number,
        decidedOn: styrdokumentVersions.decidedOn,
        publishedAt: styrdokumentVersions.publishedAt,
      })
      .from(styrdokumentVersions)
      .where(eq(styrdokumentVersions.documentId, id))
      .orderBy(desc(styrdokumentVersions.number));
    const problems = problemsOf(d, versions, stockholmDate(now));
    if (problems.length > 0) {
      throw badRequest(
        "not_publishable",
        "Dokumentet kan inte publiceras: ange vem som beslutat, när och när det ska revideras / Cannot be published: say who decided, when, and when it is reviewed",
        problems.map((p) => ({ path: p.field, message: PROBLEM_TEXT[p.code] })),
      );
    }
    const latest = versions[0] as (typeof versions)[number];
    await tx
      .update(styrdokumentVersions)
      .set({
        publishedAt: now,
        publishedBy: actor.userId,
        decidedBy: d.decidedBy,
        decidedOn: d.decidedOn,
        validFrom: d.validFrom ?? d.decidedOn,
      })
      .where(eq(styrdokumentVersions.id, latest.id));
    const [doc] = await tx
      .update(styrdokument)
      .set({ status: "publicerad", publishedVersionId: latest.id, revision: d.revision + 1, updatedAt: now })
      .where(eq(styrdokument.id, id))
      .returning({ id: styrdokument.id, revision: styrdokument.revision });
    await audit(tx, actor, {
      action: "styrdokument.publish",
      permission: "document:manage",
      recordType: "styrdokument",
      recordId: id,
      details: { version: latest.number, decidedBy: d.decidedBy, decidedOn: d.decidedOn, nextReviewOn: d.nextReviewOn },
    });
    return { ...(doc as { id: string; revision: number }), versionNumber: latest.number };
  });
}

/** Revokes (upphäver) a document: it stays in the register, no longer in force and with nothing to review. */
export async function revokeDocument({ db }: Database, actor: Actor, id: string, revision: number) {
  return db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, id, revision);
    if (current.doc.status === "upphavd") throw revoked();
    const [doc] = await tx
      .update(styrdokument)
      .set({ status: "upphavd", revision: current.doc.revision + 1, updatedAt: new Date() })
      .where(eq(styrdokument.id, id))
      .returning({ id: styrdokument.id, revision: styrdokument.revision });
    await audit(tx, actor, {
      action: "styrdokument.revoke",
      permission: "document:manage",
      recordType: "styrdokument",
      recordId: id,
    });
    return doc as { id: string; revision: number };
  });
}

/** Who may own a document: the staff of the districts where the actor manages documents. */
export function documentStaff({ db }: Database, actor: Actor) {
  return staffOfDistricts(db, districtsWithPermission(actor, "document:manage"));
}
