/**
 * The file review's benchmark paths: `POST /api/file-reviews` as the signed-in user (one district,
 * a period, both kinds, 100 files, a fixed seed) and its bare limit by hand: the population by
 * FILE_REVIEW_POPULATION, the sample drawn from it by the method every review states, and
 * FILE_REVIEW_VERDICTS over the files drawn, as of the instant of the API's first answer. Before
 * timing, the bare path is checked against that answer: the same files, and the same automatic
 * verdict on every file × criterion.
 */
import type pg from "pg";
import type { FileReview } from "../src/contracts/file-reviews";
import type { LvuStepBody } from "../src/contracts/young-offenders";
import { evaluateLvu, type LvuFileProcess, processesOfInvestigation } from "../src/domain/file-review/lvu-criteria";
import { drawSample } from "../src/domain/file-review/sample";
import type { LvuBehaviour, LvuGround } from "../src/domain/lvu/vocabulary";
import { toDomainStep } from "../src/server/modules/young-offenders/lvu.service";
import { FILE_REVIEW_POPULATION, FILE_REVIEW_VERDICTS } from "./bare-queries";

export const FILE_REVIEW_SAMPLE = 100;
export const FILE_REVIEW_SEED = 20_240_101;

export interface FileReviewBench {
  /** One review made through the API (each call a new review of the same sample). */
  api: () => Promise<FileReview>;
  /** The bare path: population, draw and verdicts. */
  bare: () => Promise<BareFile[]>;
  populationSize: number;
  drawn: number;
  /** Automatic verdicts (file × criterion) compared, and those where the bare path disagreed. */
  compared: number;
  disagreements: string[];
}

interface BareFile {
  id: string;
  verdicts: Record<string, string>;
}

/** The `lvu` column of FILE_REVIEW_VERDICTS: the case's LVU processes and investigations. */
interface LvuOfCase {
  investigations: { id: string; openedOn: string }[];
  processes: {
    id: string;
    grounds: string[];
    behaviours: string[];
    birthDate: string;
    steps: { seq: number; data: LvuStepBody }[];
  }[];
}

const LVU_CODES = ["lvu_understallning", "lvu_ansokan", "lvu_overvagande", "lvu_beslutsfattare"] as const;

/**
 * The four LVU verdicts: not applicable without a process; otherwise the LVU state machine's, the
 * one definition the case page, the deadline overview and the review share — a port of it into SQL
 * would be the same rules again, and these files are a handful in a hundred.
 */
function lvuVerdicts(investigationId: string, lvu: LvuOfCase | null, asOf: Date): Record<string, string> {
  if (!lvu) return Object.fromEntries(LVU_CODES.map((c) => [c, "not_applicable"]));
  const processes: LvuFileProcess[] = lvu.processes.map((p) => ({
    id: p.id,
    facts: { grounds: p.grounds as LvuGround[], behaviours: p.behaviours as LvuBehaviour[], birthDate: p.birthDate },
    steps: p.steps.map((s) => ({ ...toDomainStep(s.data), seq: s.seq })),
  }));
  const owned = processesOfInvestigation(investigationId, lvu.investigations, processes);
  return Object.fromEntries(evaluateLvu(owned, asOf, "").map((v) => [v.code, v.verdict]));
}

export async function fileReviewBench(
  base: string,
  cookie: string,
  pool: pg.Pool,
  period: { districtId: string; from: string; to: string },
): Promise<FileReviewBench> {
  const body = JSON.stringify({
    districtIds: [period.districtId],
    from: period.from,
    to: period.to,
    kind: "both",
    sampleSize: FILE_REVIEW_SAMPLE,
    seed: FILE_REVIEW_SEED,
  });
  const api = async () => {
    const res = await fetch(`${base}/api/file-reviews`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-purpose": "Benchmark" },
      body,
    });
    if (res.status !== 201) throw new Error(`POST /api/file-reviews: ${res.status} ${await res.text()}`);
    return (await res.json()) as FileReview;
  };
  const first = await api();
  const asOf = new Date(first.asOf);

  const bare = async (): Promise<BareFile[]> => {
    const population = await pool.query<{ id: string; file_kind: "utredning" | "insats" }>(FILE_REVIEW_POPULATION, [
      [period.districtId],
      period.from,
      period.to,
    ]);
    const drawn = drawSample(population.rows, FILE_REVIEW_SAMPLE, FILE_REVIEW_SEED);
    const ids = (kind: string) => drawn.items.filter((f) => f.file_kind === kind).map((f) => f.id);
    const { rows } = await pool.query<{ kind: string; id: string; verdicts: Record<string, string>; lvu: LvuOfCase | null }>(
      FILE_REVIEW_VERDICTS,
      [ids("utredning"), ids("insats"), asOf],
    );
    const byId = new Map(
      rows.map((r) => [r.id, r.kind === "investigation" ? { ...r.verdicts, ...lvuVerdicts(r.id, r.lvu, asOf) } : r.verdicts]),
    );
    // In the order drawn, as the review lists its files.
    return drawn.items.map((f) => ({ id: f.id, verdicts: byId.get(f.id) ?? {} }));
  };

  const files = await bare();
  const disagreements: string[] = [];
  const drawnIds = files.map((f) => f.id).join();
  if (drawnIds !== first.items.map((i) => i.recordId).join())
    disagreements.push("the bare path drew other files than the API (populations differ)");
  let compared = 0;
  const byId = new Map(files.map((f) => [f.id, f.verdicts]));
  for (const item of first.items) {
    const bareVerdicts = byId.get(item.recordId) ?? {};
    for (const v of item.verdicts) {
      compared++;
      if (bareVerdicts[v.code] !== v.automaticVerdict)
        disagreements.push(
          `${item.recordType} ${item.recordId} ${v.code}: API ${v.automaticVerdict}, bare ${bareVerdicts[v.code]}`,
        );
    }
  }
  return { api, bare, populationSize: first.populationSize, drawn: first.items.length, compared, disagreements };
}
