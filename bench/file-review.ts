/**
 * The file review's benchmark paths: `POST /api/file-reviews` as the signed-in user (one district,
 * a period, both kinds, 100 files, a fixed seed) and its bare limit, FILE_REVIEW_VERDICTS over the
 * very files the API drew (taken from its first answer), as of the same instant. Before timing,
 * the bare verdicts are checked against the API's automatic ones, so the two compute the same thing.
 */
import type pg from "pg";
import type { FileReview } from "../src/contracts/file-reviews";
import { FILE_REVIEW_VERDICTS } from "./bare-queries";

export const FILE_REVIEW_SAMPLE = 100;
export const FILE_REVIEW_SEED = 20_240_101;

export interface FileReviewBench {
  /** One review made through the API (each call a new review of the same sample). */
  api: () => Promise<FileReview>;
  /** The bare SQL over the same files. */
  bare: () => Promise<unknown>;
  populationSize: number;
  drawn: number;
  /** Automatic verdicts (file × criterion) compared, and those where the bare SQL disagreed. */
  compared: number;
  disagreements: string[];
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
  const ids = (type: "investigation" | "insats") => first.items.filter((i) => i.recordType === type).map((i) => i.recordId);
  const params = [ids("investigation"), ids("insats"), first.asOf];
  const bare = () => pool.query(FILE_REVIEW_VERDICTS, params);

  const rows = (await bare()).rows as { id: string; verdicts: Record<string, string> }[];
  const byId = new Map(rows.map((r) => [r.id, r.verdicts]));
  let compared = 0;
  const disagreements: string[] = [];
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
