import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { MAX_SAMPLE_SIZE, MAX_SEED } from "../../domain/file-review/sample";
import { PERMISSIONS } from "../../domain/roles";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { api } from "../api";
import { useAuth } from "../auth";
import { asApiError } from "../components/CaseApi";
import { CaseForm, CheckboxGroup, FormError, RadioGroup, useSubmit } from "../components/CaseFormParts";
import { Field } from "../components/Field";
import { type FileReviewSummary, fileReviewApi, randomSeed } from "../components/FileReviewApi";
import { ScrollTable } from "../components/InsatsParts";
import { formatDateTime, type TextKey, useLang } from "../i18n";

type Organisation = z.infer<typeof organisationResponse>;

export const REVIEW_KIND_TEXT: Record<FileReviewSummary["kind"], TextKey> = {
  utredningar: "frKindUtredningar",
  insatser: "frKindInsatser",
  both: "frKindBoth",
};

/** The file reviews (/egenkontroll/aktgranskning): start a new one, and the list of those made. */
export function FileReviews() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  const reviewRoles: readonly string[] = PERMISSIONS["review:manage"];
  const districts = useMemo(
    () => [
      ...new Map(
        (me?.assignments ?? []).filter((a) => reviewRoles.includes(a.role)).map((a) => [a.districtId, a.districtName]),
      ).entries(),
    ],
    [me, reviewRoles],
  );
  const lastYear = Number(stockholmToday().slice(0, 4)) - 1;
  const [form, setForm] = useState({
    districtIds: districts.map(([id]) => id),
    unitIds: [] as string[],
    from: `${lastYear}-01-01`,
    to: `${lastYear}-12-31`,
    kind: "both" as FileReviewSummary["kind"],
    sampleSize: "20",
    seed: String(randomSeed()),
  });
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [items, setItems] = useState<FileReviewSummary[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    fileReviewApi
      .list()
      .then((r) => setItems(r.items))
      .catch((e) => setLoadError(asApiError(e, t("error"))));
    api
      .organisation()
      .then(setOrganisation)
      .catch(() => setOrganisation(null));
  }, [t]);

  const units = (organisation?.units ?? []).filter((u) => form.districtIds.includes(u.districtId));

  return (
    <>
      <h1>{t("frTitle")}</h1>
      <p>{t("frIntro")}</p>
      <section className="card" aria-labelledby="fr-new">
        <h2 id="fr-new">{t("frNew")}</h2>
        <CaseForm
          labelledBy="fr-new"
          busy={busy}
          error={error}
          submitLabel={t("frStart")}
          onSubmit={() =>
            void run(async () => {
              const review = await fileReviewApi.create({
                districtIds: form.districtIds,
                unitIds: form.unitIds.filter((u) => units.some((x) => x.id === u)),
                from: form.from,
                to: form.to,
                kind: form.kind,
                sampleSize: Number(form.sampleSize),
                seed: Number(form.seed),
              });
              navigate(`/egenkontroll/aktgranskning/${review.id}`);
            })
          }
        >
          <CheckboxGroup
            legend={t("frDistricts")}
            values={form.districtIds}
            onChange={(v) => setForm({ ...form, districtIds: v })}
            options={districts.map(([value, label]) => ({ value, label }))}
            error={error?.fieldMessage("districtIds")}
          />
          {units.length > 0 && (
            <CheckboxGroup
              legend={t("frUnits")}
              values={form.unitIds}
              onChange={(v) => setForm({ ...form, unitIds: v })}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              error={error?.fieldMessage("unitIds")}
            />
          )}
          <RadioGroup
            legend={t("frKind")}
            name="fr-kind"
            value={form.kind}
            onChange={(v) => setForm({ ...form, kind: v as FileReviewSummary["kind"] })}
            options={(["utredningar", "insatser", "both"] as const).map((k) => ({ value: k, label: t(REVIEW_KIND_TEXT[k]) }))}
            error={error?.fieldMessage("kind")}
          />
          <Field
            label={t("frFrom")}
            hint={t("frPeriodHint")}
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            error={error?.fieldMessage("from")}
            required
          />
          <Field
            label={t("frTo")}
            type="date"
            value={form.to}
            min={form.from}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            error={error?.fieldMessage("to")}
            required
          />
          <Field
            label={t("frSampleSize")}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_SAMPLE_SIZE}
            value={form.sampleSize}
            onChange={(e) => setForm({ ...form, sampleSize: e.target.value })}
            error={error?.fieldMessage("sampleSize")}
            required
          />
          <Field
            label={t("frSeed")}
            hint={t("frSeedHint")}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_SEED}
            value={form.seed}
            onChange={(e) => setForm({ ...form, seed: e.target.value })}
            error={error?.fieldMessage("seed")}
            required
          />
          <div className="field">
            <button type="button" className="secondary" onClick={() => setForm({ ...form, seed: String(randomSeed()) })}>
              {t("frNewSeed")}
            </button>
          </div>
        </CaseForm>
      </section>

      <section className="card" aria-labelledby="fr-list">
        <h2 id="fr-list">{t("frList")}</h2>
        <FormError error={loadError} />
        {items === null ? (
          !loadError && <p role="status">{t("loading")}</p>
        ) : items.length === 0 ? (
          <p>{t("frNone")}</p>
        ) : (
          <ScrollTable label={t("frList")}>
            <table>
              <caption className="visually-hidden">{t("frList")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("frPeriod")}</th>
                  <th scope="col">{t("frDistricts")}</th>
                  <th scope="col">{t("frKind")}</th>
                  <th scope="col">{t("frFiles")}</th>
                  <th scope="col">{t("frVersion")}</th>
                  <th scope="col">{t("frCreated")}</th>
                  <th scope="col">{t("frStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/egenkontroll/aktgranskning/${r.id}`}>
                        {r.from} – {r.to}
                      </Link>
                    </th>
                    <td>{r.districts.map((d) => d.name).join(", ")}</td>
                    <td>{t(REVIEW_KIND_TEXT[r.kind])}</td>
                    <td className="num">
                      {r.drawn} / {r.populationSize}
                    </td>
                    <td className="num">{r.version}</td>
                    <td className="nowrap">
                      {formatDateTime(r.createdAt, lang)} · {r.createdByName}
                    </td>
                    <td>{r.signedAt ? <span className="signed">{t("frSigned")}</span> : t("frUnsigned")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </>
  );
}
