import { and, asc, desc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  createActionBody,
  createFileReviewBody,
  FileReview,
  FileReviewSummary,
  fileReviewListQuery,
  reviewAction,
  reviewItem,
  signBody,
  updateActionBody,
  updateItemBody,
} from "../../../contracts/file-reviews";
import { type CriterionResult, codesOf, effectiveVerdict, summarise } from "../../../domain/file-review/criteria";
import {
  CRITERIA,
  type CriterionCode,
  fileKindsOf,
  type ReviewKind,
  VERDICT_LABELS,
  type Verdict,
} from "../../../domain/file-review/definitions";
import { DRAW_METHOD, drawSample } from "../../../domain/file-review/sample";
import { type Database, type Db, insertAsJson, type Tx, together } from "../../db/connection";
import {
  districts,
  fileReviewActions,
  fileReviewFindingDeviations,
  fileReviewItems,
  fileReviews,
  persons,
  units,
  userRoles,
  users,
} from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit, auditRowsStatement, auditShownList } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { evaluateInsatser, evaluateInvestigations, type PopulationFile, population } from "./files";

type ReviewRow = typeof fileReviews.$inferSelect;
type ItemRow = typeof fileReviewItems.$inferSelect;
type Item = z.infer<typeof reviewItem>;
type Action = z.infer<typeof reviewAction>;
type Answers = Partial<Record<CriterionCode, Verdict>>;

const PERMISSION = "review:manage" as const;

/** The districts where the actor may review: a review is theirs when all its districts are. */
const reviewDistricts = (actor: Actor) => districtsWithPermission(actor, PERMISSION);

/** Reviews the actor may see: every district of the review is one where they hold review:manage. */
function visible(actor: Actor) {
  const mine = reviewDistricts(actor);
  return sql`${fileReviews.districtIds} <@ ${sql.param(mine)}::uuid[]`;
}

/** The review if the actor may see it, else 404 (also for one that does not exist). With `lock`, its row is locked. */
export async function reviewInScope(tx: Db | Tx, actor: Actor, id: string, lock = false): Promise<ReviewRow> {
  const query = tx
    .select()
    .from(fileReviews)
    .where(and(eq(fileReviews.id, id), visible(actor)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

const signedConflict = () =>
  conflict(
    "review_signed",
    "Granskningen är signerad och kan inte ändras: skapa en ny version / The review is signed: make a new version",
  );

const fileKindOf = (recordType: string) => (recordType === "insats" ? ("insats" as const) : ("utredning" as const));
const recordTypeOf = (p: PopulationFile) => (p.fileKind === "insats" ? "insats" : "investigation");

// ── Create ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Draws the sample (domain/file-review/sample.ts) from the files of the period and evaluates each
 * against the criteria, as of now; then stores the review, its items and an audit row per sampled
 * person in one transaction. A period without files gives a review with no items and a note saying
 * so (201, not 400: that the population was empty is itself the finding, and it is recorded with
 * its date). The answer is built from what was computed and read here, not read back.
 */
export async function createReview(database: Database, actor: Actor, input: z.infer<typeof createFileReviewBody>, now: Date) {
  const allowed = reviewDistricts(actor);
  const districtIds = [...new Set(input.districtIds)].sort();
  const outside = districtIds.filter((d) => !allowed.includes(d));
  if (outside.length > 0) {
    throw badRequest("district_not_in_scope", "Du kan inte granska i det distriktet / Not a district you review", [
      { path: "body.districtIds", message: "Välj bland dina distrikt / Choose among your districts" },
    ]);
  }
  const unitIds = [...new Set(input.unitIds)].sort();
  const { db } = database;
  const kinds = fileKindsOf(input.kind);
  const [knownUnits, files] = await Promise.all([
    unitIds.length > 0
      ? db
          .select({ id: units.id })
          .from(units)
          .where(and(inArray(units.id, unitIds), inArray(units.districtId, districtIds)))
      : Promise.resolve([]),
    population(db, actor, kinds, { districtIds, unitIds, from: input.from, to: input.to }),
  ]);
  if (knownUnits.length !== unitIds.length) {
    throw badRequest("unit_not_in_districts", "Enheten hör inte till de valda distrikten / Unit not in the districts", [
      { path: "body.unitIds", message: "Välj enheter i de valda distrikten / Choose units of the chosen districts" },
    ]);
  }
  const drawn = drawSample(files, input.sampleSize, input.seed);
  const byKind = (k: "utredning" | "insats") => drawn.items.filter((f) => f.fileKind === k).map((f) => f.id);
  const reviewId = crypto.randomUUID();
  const review: ReviewRow = {
    id: reviewId,
    seriesId: reviewId,
    version: 1,
    previousVersionId: null,
    districtIds,
    unitIds,
    periodFrom: input.from,
    periodTo: input.to,
    kind: input.kind,
    sampleSize: input.sampleSize,
    seed: input.seed,
    populationSize: drawn.populationSize,
    tookAll: drawn.tookAll,
    asOf: now,
    conclusion: "",
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    signedBy: null,
    signedAt: null,
  };
  // The verdicts and everything else the answer shows are read at once, each on a connection of its
  // own: none of them needs the review written first, and the request waits for the slowest only.
  const [investigationsDone, insatserDone, names, previous, staff, districtRows] = await Promise.all([
    evaluateInvestigations(db, byKind("utredning"), now),
    evaluateInsatser(db, byKind("insats"), now),
    personNames(
      db,
      drawn.items.map((f) => f.personId),
    ),
    previousWithItems(db, actor, review),
    staffOf(db, districtIds),
    districtNames(db, districtIds),
  ]);
  const itemRows: ItemRow[] = drawn.items.map((f, position) => {
    const evaluated = (f.fileKind === "insats" ? insatserDone : investigationsDone).get(f.id);
    if (!evaluated) throw new Error("a sampled file was not evaluated");
    return {
      id: crypto.randomUUID(),
      reviewId,
      position,
      recordType: recordTypeOf(f),
      recordId: f.id,
      caseId: f.caseId,
      personId: f.personId,
      districtId: f.districtId,
      fileDate: f.fileDate,
      label: evaluated.label,
      verdicts: evaluated.verdicts,
      answers: {},
      comment: "",
      updatedBy: null,
      updatedAt: null,
    };
  });
  const kindOf = (recordType: string) =>
    itemRows.filter((i) => i.recordType === recordType).map((i) => ({ personId: i.personId, recordId: i.recordId }));
  const sample = (recordType: string) =>
    auditRowsStatement(
      actor,
      { action: "file_review.sample", permission: PERMISSION, recordType, details: { reviewId } },
      kindOf(recordType),
    );
  // One statement, so one round trip and one commit: the review, its items, the audit row of the
  // review and one per sampled person (they name every person the answer shows) stand or fall together.
  await db.execute(sql`
    with review as (${insertAsJson(fileReviews, [review])}),
         items as (${insertAsJson(fileReviewItems, itemRows)}),
         created as (${auditRowsStatement(
           actor,
           {
             action: "file_review.create",
             permission: PERMISSION,
             recordType: "file_review",
             details: {
               districtIds,
               kind: input.kind,
               from: input.from,
               to: input.to,
               seed: input.seed,
               drawn: drawn.items.length,
             },
           },
           [{ personId: null, recordId: reviewId }],
         )}),
         investigations as (${sample("investigation")})
    ${sample("insats")}`);

  const head = toSummary(review, {
    districtName: (id) => districtRows.find((d) => d.id === id)?.name ?? id,
    userName: (id) => (id === actor.userId ? actor.displayName : null),
    latestVersion: () => review.version,
    drawn: () => itemRows.length,
  });
  return assemble({
    review,
    head,
    previous: previous?.review ?? null,
    items: itemRows.map((row) => toItem({ ...row, personName: names.get(row.personId) ?? "" })),
    previousItems: previous?.items ?? [],
    actions: [],
    staff,
    raised: [],
  });
}

// ── Read ────────────────────────────────────────────────────────────────────────────────────────

export type StoredVerdict = CriterionResult;

/** An item as the API shows it: the effective verdict beside the computed one. */
export function toItem(row: ItemRow & { personName: string }): Item {
  const answers = (row.answers ?? {}) as Answers;
  return {
    id: row.id,
    position: row.position,
    recordType: row.recordType === "insats" ? "insats" : "investigation",
    recordId: row.recordId,
    fileKind: fileKindOf(row.recordType),
    caseId: row.caseId,
    personId: row.personId,
    personName: row.personName,
    districtId: row.districtId,
    fileDate: row.fileDate,
    label: row.label,
    verdicts: (row.verdicts as StoredVerdict[]).map((v) => ({
      code: v.code,
      verdict: effectiveVerdict(v.verdict, answers[v.code]),
      automaticVerdict: v.verdict,
      detail: v.detail,
      ref: v.ref,
      law: v.law,
    })),
    comment: row.comment,
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

const fullName = sql<string>`${persons.firstName} || ' ' || ${persons.lastName}`;

/** A review's items in the order drawn, with the name of each file's person. */
async function itemsOf(tx: Db | Tx, reviewId: string): Promise<Item[]> {
  const rows = await tx
    .select({ item: fileReviewItems, personName: fullName })
    .from(fileReviewItems)
    .innerJoin(persons, eq(persons.id, fileReviewItems.personId))
    .where(eq(fileReviewItems.reviewId, reviewId))
    .orderBy(asc(fileReviewItems.position));
  return rows.map((x) => toItem({ ...x.item, personName: x.personName }));
}

/** The persons' names by id. */
async function personNames(tx: Db | Tx, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: persons.id, name: fullName })
    .from(persons)
    .where(inArray(persons.id, [...new Set(personIds)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The review compared with (previousReview) and what the comparison needs of its items: each
 * verdict's code and effective verdict. The stored verdicts carry texts and references too
 * (kilobytes per file); the comparison counts, so only the counted parts leave the database.
 */
async function previousWithItems(tx: Db | Tx, actor: Actor, r: ReviewRow) {
  const previous = await previousReview(tx, actor, r);
  if (!previous) return null;
  const rows = await tx
    .select({
      answers: fileReviewItems.answers,
      verdicts: sql<[CriterionCode, Verdict][]>`(
        select coalesce(jsonb_agg(jsonb_build_array(v->>'code', v->>'verdict') order by n), '[]')
        from jsonb_array_elements(${fileReviewItems.verdicts}) with ordinality as e(v, n))`,
    })
    .from(fileReviewItems)
    .where(eq(fileReviewItems.reviewId, previous.id));
  return {
    review: previous,
    items: rows.map((row) => ({
      verdicts: row.verdicts.map(([code, verdict]) => ({
        code,
        verdict: effectiveVerdict(verdict, (row.answers as Answers | null)?.[code]),
      })),
    })),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, k) => x === [...b].sort()[k]);

/**
 * The review this one is compared with: the latest version of the most recent earlier review of
 * another series over the same districts, units and kind that the actor may see.
 */
async function previousReview(tx: Db | Tx, actor: Actor, r: ReviewRow): Promise<ReviewRow | null> {
  const [series] = await tx
    .select({ startedAt: sql<Date>`min(${fileReviews.createdAt})` })
    .from(fileReviews)
    .where(eq(fileReviews.seriesId, r.seriesId));
  const candidates = await tx
    .select()
    .from(fileReviews)
    .where(
      and(
        visible(actor),
        eq(fileReviews.kind, r.kind),
        ne(fileReviews.seriesId, r.seriesId),
        lt(fileReviews.createdAt, series?.startedAt ? new Date(series.startedAt) : r.createdAt),
        sql`${fileReviews.districtIds} = ${sql.param(r.districtIds)}::uuid[]`,
      ),
    )
    .orderBy(desc(fileReviews.createdAt))
    .limit(20);
  const first = candidates.find((c) => sameSet(c.unitIds, r.unitIds));
  if (!first) return null;
  const [latest] = await tx
    .select()
    .from(fileReviews)
    .where(eq(fileReviews.seriesId, first.seriesId))
    .orderBy(desc(fileReviews.version))
    .limit(1);
  return latest ?? first;
}

/** "Skyddsbedömning inom 24 timmar: Ingen skyddsbedömning (utredning inledd 2024-03-01)" — without the person. */
export function findingText(item: Item, code: CriterionCode, detail: { sv: string }): string {
  const what =
    item.fileKind === "insats" ? `insats ${item.label} beslutad ${item.fileDate}` : `utredning inledd ${item.fileDate}`;
  return `${CRITERIA[code].name.sv}: ${detail.sv} (${what})`;
}

async function actionsOf(tx: Db | Tx, seriesId: string): Promise<Action[]> {
  const rows = await tx
    .select({ a: fileReviewActions, responsibleName: users.displayName })
    .from(fileReviewActions)
    .innerJoin(fileReviews, eq(fileReviews.id, fileReviewActions.reviewId))
    .innerJoin(users, eq(users.id, fileReviewActions.responsibleId))
    .where(eq(fileReviews.seriesId, seriesId))
    .orderBy(asc(fileReviewActions.createdAt), asc(fileReviewActions.id));
  return rows.map(toAction);
}

function toAction({ a, responsibleName }: { a: typeof fileReviewActions.$inferSelect; responsibleName: string }): Action {
  return {
    id: a.id,
    itemId: a.itemId,
    criterionCode: (a.criterionCode as CriterionCode | null) ?? null,
    findingId: a.itemId && a.criterionCode ? `${a.itemId}:${a.criterionCode}` : null,
    finding: a.finding,
    action: a.action,
    responsibleId: a.responsibleId,
    responsibleName,
    dueOn: a.dueOn,
    followUpNote: a.followUpNote,
    doneOn: a.doneOn,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Active staff with a role in one of the districts: who may be made responsible for an action. */
async function staffOf(tx: Db | Tx, districtIds: string[]) {
  const rows = await tx
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(units.districtId, districtIds), eq(users.active, true)))
    .orderBy(asc(users.displayName));
  return rows;
}

/** What a review's summary names besides its own row. */
interface SummaryLookups {
  districtName: (id: string) => string;
  userName: (id: string | null) => string | null;
  latestVersion: (seriesId: string) => number | undefined;
  drawn: (reviewId: string) => number;
}

function toSummary(r: ReviewRow, look: SummaryLookups): FileReviewSummary {
  return {
    id: r.id,
    seriesId: r.seriesId,
    version: r.version,
    previousVersionId: r.previousVersionId,
    latest: (look.latestVersion(r.seriesId) ?? r.version) === r.version,
    districts: r.districtIds.map((id) => ({ id, name: look.districtName(id) })),
    unitIds: r.unitIds,
    from: r.periodFrom,
    to: r.periodTo,
    kind: r.kind as ReviewKind,
    sampleSize: r.sampleSize,
    seed: r.seed,
    populationSize: r.populationSize,
    drawn: look.drawn(r.id),
    tookAll: r.tookAll,
    asOf: r.asOf.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdByName: look.userName(r.createdBy) ?? "",
    signedAt: r.signedAt?.toISOString() ?? null,
    signedByName: look.userName(r.signedBy),
  };
}

async function districtNames(tx: Db | Tx, districtIds: string[]) {
  if (districtIds.length === 0) return [];
  return tx.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, districtIds));
}

/** The summaries of stored reviews: their districts' and people's names, latest versions and item counts. */
async function header(tx: Db | Tx, rows: ReviewRow[]) {
  const districtIds = [...new Set(rows.flatMap((r) => r.districtIds))];
  const userIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.signedBy].filter((u): u is string => u !== null)))];
  const seriesIds = [...new Set(rows.map((r) => r.seriesId))];
  const ids = rows.map((r) => r.id);
  const [districtRows, userRows, latestRows, countRows] = await together(tx, [
    districtNames(tx, districtIds),
    userIds.length
      ? tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : Promise.resolve([]),
    seriesIds.length
      ? tx
          .select({ seriesId: fileReviews.seriesId, version: sql<number>`max(${fileReviews.version})` })
          .from(fileReviews)
          .where(inArray(fileReviews.seriesId, seriesIds))
          .groupBy(fileReviews.seriesId)
      : Promise.resolve([]),
    ids.length
      ? tx
          .select({ reviewId: fileReviewItems.reviewId, n: sql<number>`count(*)::int` })
          .from(fileReviewItems)
          .where(inArray(fileReviewItems.reviewId, ids))
          .groupBy(fileReviewItems.reviewId)
      : Promise.resolve([]),
  ]);
  const look: SummaryLookups = {
    districtName: (id) => districtRows.find((d) => d.id === id)?.name ?? id,
    userName: (id) => userRows.find((u) => u.id === id)?.name ?? null,
    latestVersion: (seriesId) => {
      const v = latestRows.find((l) => l.seriesId === seriesId)?.version;
      return v === undefined ? undefined : Number(v);
    },
    drawn: (reviewId) => Number(countRows.find((c) => c.reviewId === reviewId)?.n ?? 0),
  };
  return (r: ReviewRow) => toSummary(r, look);
}

/** The review with its items, summary, comparison, findings and actions; every person shown is audited. */
export async function getReview(database: Database, actor: Actor, id: string): Promise<FileReview> {
  const review = await loadReview(database, actor, id);
  await auditItems(database, actor, "file_review.read", review.items);
  return review;
}

/** The review as getReview shows it, without the audit rows: callers audit what they hand out. */
async function loadReview({ db }: Database, actor: Actor, id: string): Promise<FileReview> {
  return db.transaction(async (tx) => {
    const review = await reviewInScope(tx, actor, id);
    const previous = await previousWithItems(tx, actor, review);
    // One after another: a transaction's queries share one connection.
    const items = await itemsOf(tx, review.id);
    const actions = await actionsOf(tx, review.seriesId);
    const staff = await staffOf(tx, review.districtIds);
    const raised = await tx
      .select({
        recordId: fileReviewFindingDeviations.recordId,
        criterionCode: fileReviewFindingDeviations.criterionCode,
        deviationId: fileReviewFindingDeviations.deviationId,
      })
      .from(fileReviewFindingDeviations)
      .where(eq(fileReviewFindingDeviations.seriesId, review.seriesId));
    const head = (await header(tx, [review]))(review);
    return assemble({
      review,
      head,
      previous: previous?.review ?? null,
      items,
      previousItems: previous?.items ?? [],
      actions,
      staff,
      raised,
    });
  });
}

/** What a review's answer is built from. */
interface ReviewParts {
  review: ReviewRow;
  head: FileReviewSummary;
  previous: ReviewRow | null;
  items: Item[];
  /** The previous review's items, for the comparison (names not needed). */
  /** The previous review's effective verdicts, for the comparison. */
  previousItems: { verdicts: { code: CriterionCode; verdict: Verdict }[] }[];
  actions: Action[];
  staff: { id: string; name: string }[];
  /** The avvikelser already raised from findings of the series. */
  raised: { recordId: string; criterionCode: string; deviationId: string }[];
}

/** The review with its summary, comparison, findings and notes: the one place the answer is put together. */
function assemble({ review: r, head, previous, items, previousItems, actions, staff, raised }: ReviewParts): FileReview {
  const deviationOf = (recordId: string, code: CriterionCode) =>
    raised.find((d) => d.recordId === recordId && d.criterionCode === code)?.deviationId ?? null;
  const kinds = fileKindsOf(r.kind as ReviewKind);
  const codes = codesOf(kinds);
  const summary = summarise(codes, items);
  const before = previous ? summarise(codes, previousItems) : null;
  const findings = items.flatMap((item) =>
    item.verdicts
      .filter((v) => v.verdict === "not_met")
      .map((v) => ({
        id: `${item.id}:${v.code}`,
        itemId: item.id,
        criterionCode: v.code,
        text: findingText(item, v.code, v.detail),
        caseId: item.caseId,
        recordType: item.recordType,
        recordId: item.recordId,
        ref: v.ref,
        deviationId: deviationOf(item.recordId, v.code),
      })),
  );
  const notes: FileReview["notes"] = [];
  if (items.length === 0)
    notes.push({
      code: "empty_population",
      text: {
        sv: "Inga akter fanns under perioden i de valda distrikten: granskningen har inga akter.",
        en: "There were no files in the period in the chosen districts: the review has no files.",
      },
    });
  else if (r.tookAll)
    notes.push({
      code: "took_all",
      text: {
        sv: `Urvalet (${r.sampleSize}) var större än populationen (${r.populationSize}): alla akter granskas.`,
        en: `The sample (${r.sampleSize}) was larger than the population (${r.populationSize}): every file is reviewed.`,
      },
    });
  return {
    ...head,
    conclusion: r.conclusion,
    method: DRAW_METHOD,
    notes,
    criteria: codes.map((c) => ({
      code: c,
      fileKind: CRITERIA[c].fileKind,
      automatic: CRITERIA[c].automatic,
      name: CRITERIA[c].name,
      rule: CRITERIA[c].rule,
    })),
    items,
    summary,
    comparison:
      previous && before
        ? {
            previousId: previous.id,
            previousVersion: previous.version,
            previousFrom: previous.periodFrom,
            previousTo: previous.periodTo,
            previousSignedAt: previous.signedAt?.toISOString() ?? null,
            rows: codes.map((code, k) => {
              const { code: _b, ...b } = before[k] as (typeof before)[number];
              const { code: _n, ...n } = summary[k] as (typeof summary)[number];
              return { code, before: b, now: n };
            }),
          }
        : null,
    findings,
    actions,
    staff,
  };
}

/** One audit row per file shown: the person and the file's record. */
async function auditItems(database: Database, actor: Actor, action: string, items: Item[]) {
  for (const recordType of ["investigation", "insats"] as const) {
    await auditShownList(
      database,
      actor,
      { action, permission: PERMISSION, recordType },
      items.filter((i) => i.recordType === recordType).map((i) => ({ personId: i.personId, recordId: i.recordId })),
    );
  }
}

/** The reviews the actor may see, newest first (keyset pages of at most 100). No personal data. */
export async function listReviews({ db }: Database, actor: Actor, query: z.infer<typeof fileReviewListQuery>) {
  const after = query.cursor ? decodeCursor(query.cursor, ["timestamp", "uuid"]) : null;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(fileReviews)
      .where(
        and(
          visible(actor),
          after
            ? or(
                lt(fileReviews.createdAt, new Date(String(after[0]))),
                and(eq(fileReviews.createdAt, new Date(String(after[0]))), lt(fileReviews.id, String(after[1]))),
              )
            : undefined,
        ),
      )
      .orderBy(desc(fileReviews.createdAt), desc(fileReviews.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const describe = await header(tx, page);
    const last = page.at(-1);
    return {
      items: page.map(describe),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  });
}

// ── Answers, signing, versions ──────────────────────────────────────────────────────────────────

/**
 * The reviewer's answers on the criteria the records cannot decide (those computed as "manual")
 * and their comment on the file. An answer on a criterion the records decided is refused: the
 * review shows what the file says, and the comment is where a reviewer disagrees.
 */
export async function updateItem(
  { db }: Database,
  actor: Actor,
  reviewId: string,
  itemId: string,
  input: z.infer<typeof updateItemBody>,
  now: Date,
): Promise<Item> {
  return db.transaction(async (tx) => {
    const r = await reviewInScope(tx, actor, reviewId, true);
    if (r.signedAt) throw signedConflict();
    const [row] = await tx
      .select({ item: fileReviewItems, personName: sql<string>`${persons.firstName} || ' ' || ${persons.lastName}` })
      .from(fileReviewItems)
      .innerJoin(persons, eq(persons.id, fileReviewItems.personId))
      .where(and(eq(fileReviewItems.id, itemId), eq(fileReviewItems.reviewId, reviewId)));
    if (!row) throw notFound();
    const verdicts = row.item.verdicts as StoredVerdict[];
    const answers: Answers = { ...((row.item.answers ?? {}) as Answers) };
    const refused: { path: string; message: string }[] = [];
    for (const [code, answer] of Object.entries(input.answers ?? {}) as [CriterionCode, Verdict | null][]) {
      if (verdicts.find((v) => v.code === code)?.verdict !== "manual") {
        refused.push({
          path: `body.answers.${code}`,
          message: "Kriteriet avgörs av akten, inte manuellt / Decided by the file, not manually",
        });
      } else if (answer === null) delete answers[code];
      else answers[code] = answer;
    }
    if (refused.length > 0)
      throw badRequest(
        "criterion_not_manual",
        "Bara kriterier som bedöms manuellt kan besvaras / Only manual criteria can be answered",
        refused,
      );
    const [updated] = await tx
      .update(fileReviewItems)
      .set({ answers, comment: input.comment ?? row.item.comment, updatedBy: actor.userId, updatedAt: now })
      .where(eq(fileReviewItems.id, itemId))
      .returning();
    await tx.update(fileReviews).set({ updatedAt: now }).where(eq(fileReviews.id, reviewId));
    await audit(tx, actor, {
      action: "file_review.answer",
      permission: PERMISSION,
      personId: row.item.personId,
      recordType: row.item.recordType,
      recordId: row.item.recordId,
      details: { reviewId, itemId, answered: Object.keys(input.answers ?? {}), comment: input.comment !== undefined },
    });
    return toItem({ ...(updated as ItemRow), personName: row.personName });
  });
}

/**
 * Signs the review: from now on nothing in it changes (a correction is a new version). Every
 * criterion left to judgement must have an answer first.
 */
export async function signReview(database: Database, actor: Actor, reviewId: string, input: z.infer<typeof signBody>, now: Date) {
  const conclusion = input?.conclusion;
  await database.db.transaction(async (tx) => {
    const r = await reviewInScope(tx, actor, reviewId, true);
    if (r.signedAt) throw conflict("already_signed", "Granskningen är redan signerad / Already signed");
    const rows = await tx
      .select()
      .from(fileReviewItems)
      .where(eq(fileReviewItems.reviewId, reviewId))
      .orderBy(asc(fileReviewItems.position));
    const open = rows.flatMap((row) => {
      const answers = (row.answers ?? {}) as Answers;
      return (row.verdicts as StoredVerdict[])
        .filter((v) => v.verdict === "manual" && !answers[v.code])
        .map((v) => ({
          path: `items.${row.position}.${v.code}`,
          message: `${CRITERIA[v.code].name.sv}: ${VERDICT_LABELS.manual.sv}`,
        }));
    });
    if (open.length > 0)
      throw badRequest(
        "manual_criteria_unanswered",
        "Besvara alla kriterier som bedöms manuellt innan du signerar / Answer every manual criterion before signing",
        open,
      );
    await tx
      .update(fileReviews)
      .set({ signedAt: now, signedBy: actor.userId, updatedAt: now, conclusion: conclusion ?? r.conclusion })
      .where(eq(fileReviews.id, reviewId));
    await audit(tx, actor, { action: "file_review.sign", permission: PERMISSION, recordType: "file_review", recordId: reviewId });
  });
  return getReview(database, actor, reviewId);
}

/**
 * A new version of a signed review, to correct it: the same sample and computed verdicts (as of
 * the same instant, so the versions differ only in what the reviewer changes), with its answers
 * and comments copied and unsigned. Only the latest version of a series can be revised.
 */
export async function newVersion(database: Database, actor: Actor, reviewId: string, now: Date) {
  const id = await database.db.transaction(async (tx) => {
    const r = await reviewInScope(tx, actor, reviewId, true);
    if (!r.signedAt)
      throw conflict("review_not_signed", "Granskningen är inte signerad: ändra den direkt / Not signed: edit it directly");
    // Lock the series' rows so two new versions cannot both be made from the same latest one.
    const series = await tx
      .select({ version: fileReviews.version })
      .from(fileReviews)
      .where(eq(fileReviews.seriesId, r.seriesId))
      .for("update");
    if (series.some((s) => s.version > r.version))
      throw conflict("not_latest_version", "Det finns en senare version / A later version exists");
    const next = crypto.randomUUID();
    await tx.insert(fileReviews).values({
      ...r,
      id: next,
      version: r.version + 1,
      previousVersionId: r.id,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      signedAt: null,
      signedBy: null,
    });
    const rows = await tx.select().from(fileReviewItems).where(eq(fileReviewItems.reviewId, r.id));
    if (rows.length > 0)
      await tx.insert(fileReviewItems).values(
        rows.map(({ id: _id, reviewId: _review, ...rest }) => ({
          ...rest,
          reviewId: next,
          updatedBy: actor.userId,
          updatedAt: now,
        })),
      );
    await audit(tx, actor, [
      {
        action: "file_review.version",
        permission: PERMISSION,
        recordType: "file_review",
        recordId: next,
        details: { from: r.id },
      },
      ...rows.map((row) => ({
        action: "file_review.sample",
        permission: PERMISSION,
        personId: row.personId,
        recordType: row.recordType,
        recordId: row.recordId,
        details: { reviewId: next },
      })),
    ]);
    return next;
  });
  return getReview(database, actor, id);
}

// ── Actions on findings ─────────────────────────────────────────────────────────────────────────

async function requireStaff(tx: Db | Tx, districtIds: string[], userId: string) {
  if (!(await staffOf(tx, districtIds)).some((s) => s.id === userId)) {
    throw badRequest(
      "unknown_responsible",
      "Den ansvariga arbetar inte i granskningens distrikt / Not staff of the review's districts",
      [{ path: "body.responsibleId", message: "Välj bland distriktens personal / Choose among the districts' staff" }],
    );
  }
}

/** A finding becomes an action: what is to be done, who is responsible, by when. Allowed after signing too. */
export async function createAction(
  { db }: Database,
  actor: Actor,
  reviewId: string,
  input: z.infer<typeof createActionBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const r = await reviewInScope(tx, actor, reviewId);
    if (input.criterionCode && !input.itemId) {
      throw badRequest("item_required", "Ange akten kriteriet gäller / Give the file the criterion is about", [
        { path: "body.itemId", message: "Krävs med kriterium / Required with a criterion" },
      ]);
    }
    let item: ItemRow | undefined;
    if (input.itemId) {
      [item] = await tx
        .select()
        .from(fileReviewItems)
        .where(and(eq(fileReviewItems.id, input.itemId), eq(fileReviewItems.reviewId, reviewId)));
      if (!item)
        throw badRequest("unknown_item", "Akten finns inte i granskningen / No such file in the review", [
          { path: "body.itemId", message: "Finns inte / Not found" },
        ]);
      if (input.criterionCode && !(item.verdicts as StoredVerdict[]).some((v) => v.code === input.criterionCode))
        throw badRequest("unknown_criterion", "Kriteriet gäller inte akten / The criterion is not the file's", [
          { path: "body.criterionCode", message: "Inte aktens kriterium / Not the file's criterion" },
        ]);
    }
    await requireStaff(tx, r.districtIds, input.responsibleId);
    const [row] = await tx
      .insert(fileReviewActions)
      .values({
        reviewId,
        itemId: input.itemId ?? null,
        criterionCode: input.criterionCode ?? null,
        finding: input.finding,
        action: input.action,
        responsibleId: input.responsibleId,
        dueOn: input.dueOn,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "file_review.action_create",
      permission: PERMISSION,
      personId: item?.personId ?? null,
      recordType: "file_review_action",
      recordId: row.id,
      details: { reviewId },
    });
    const [responsible] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.responsibleId));
    return toAction({ a: row, responsibleName: responsible?.name ?? "" });
  });
}

/** Follow-up of an action: change it, note how it went, mark it done (or reopen it). */
export async function updateAction(
  { db }: Database,
  actor: Actor,
  reviewId: string,
  actionId: string,
  input: z.infer<typeof updateActionBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const r = await reviewInScope(tx, actor, reviewId);
    const [existing] = await tx
      .select({ a: fileReviewActions, personId: fileReviewItems.personId })
      .from(fileReviewActions)
      .innerJoin(fileReviews, eq(fileReviews.id, fileReviewActions.reviewId))
      .leftJoin(fileReviewItems, eq(fileReviewItems.id, fileReviewActions.itemId))
      .where(and(eq(fileReviewActions.id, actionId), eq(fileReviews.seriesId, r.seriesId)))
      .for("update", { of: fileReviewActions });
    if (!existing) throw notFound();
    if (input.responsibleId) await requireStaff(tx, r.districtIds, input.responsibleId);
    const [row] = await tx
      .update(fileReviewActions)
      .set({
        ...(input.action !== undefined ? { action: input.action } : {}),
        ...(input.responsibleId !== undefined ? { responsibleId: input.responsibleId } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn } : {}),
        ...(input.followUpNote !== undefined ? { followUpNote: input.followUpNote } : {}),
        ...(input.doneOn !== undefined ? { doneOn: input.doneOn } : {}),
        updatedAt: now,
      })
      .where(eq(fileReviewActions.id, actionId))
      .returning();
    if (!row) throw new Error("update returned nothing");
    await audit(tx, actor, {
      action: "file_review.action_update",
      permission: PERMISSION,
      personId: existing.personId ?? null,
      recordType: "file_review_action",
      recordId: actionId,
      details: { reviewId, fields: Object.keys(input) },
    });
    const [responsible] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.responsibleId));
    return toAction({ a: row, responsibleName: responsible?.name ?? "" });
  });
}

// ── Export ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The review as an export reads it. The spreadsheet lists the files, so each person in it gets an
 * audit row; the nämnd's PDF holds no person (counts per criterion, findings without names), and
 * is audited once.
 */
export async function reviewForExport(database: Database, actor: Actor, id: string, format: "xlsx" | "pdf") {
  const review = await loadReview(database, actor, id);
  if (format === "xlsx") await auditItems(database, actor, "file_review.export", review.items);
  else
    await audit(database.db, actor, {
      action: "file_review.export_pdf",
      permission: PERMISSION,
      recordType: "file_review",
      recordId: id,
    });
  return review;
}
