import { useEffect, useId, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import type { ApiError } from "../api";
import { useLang } from "../i18n";
import { asApiError } from "./CaseApi";
import { FormError } from "./CaseFormParts";
import { Alert, Field } from "./Field";
import { insatsApi } from "./InsatsApi";

type Org = z.infer<typeof organisationResponse>;

/**
 * Per district: within how many days of an insats's start its genomförandeplan must be signed
 * before the insats is flagged. GET/PUT /api/admin/districts/:id/insats-policy.
 */
export function InsatsPolicyEditor({ org }: { org: Org }) {
  const { t } = useLang();
  const id = useId();
  const [stored, setStored] = useState<Record<string, number> | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all(org.districts.map((d) => insatsApi.policy(d.id)))
      .then((list) => {
        setStored(Object.fromEntries(list.map((p) => [p.districtId, p.planDueDays])));
        setValues(Object.fromEntries(list.map((p) => [p.districtId, String(p.planDueDays)])));
      })
      .catch((e) => setError(asApiError(e, t("error"))));
  }, [org, t]);

  const save = async () => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const changed = org.districts.filter((d) => Number(values[d.id]) !== stored?.[d.id]);
      const results = await Promise.all(changed.map((d) => insatsApi.setPolicy(d.id, Number(values[d.id]))));
      setStored((s) => ({ ...s, ...Object.fromEntries(results.map((p) => [p.districtId, p.planDueDays])) }));
      setSaved(true);
    } catch (e) {
      setError(asApiError(e, t("error")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("insatsPolicy")}</h2>
      <p className="hint">{t("insatsPolicyHint")}</p>
      <FormError error={error} />
      {saved && <Alert kind="success">{t("saved")}</Alert>}
      {stored === null && !error ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <form
          className="grid-form"
          aria-labelledby={`${id}-heading`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {org.districts.map((d) => (
            <Field
              key={d.id}
              label={`${d.name}: ${t("planDueDays")}`}
              type="number"
              min={1}
              max={90}
              required
              value={values[d.id] ?? ""}
              onChange={(e) => {
                setSaved(false);
                setValues((v) => ({ ...v, [d.id]: e.target.value }));
              }}
            />
          ))}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t("save")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
