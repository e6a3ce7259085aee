import { useEffect, useId, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import type { ApiError } from "../api";
import { useLang } from "../i18n";
import { assessmentApi } from "./AssessmentApi";
import { asApiError } from "./CaseApi";
import { FormError } from "./CaseFormParts";
import { Alert } from "./Field";

type Org = z.infer<typeof organisationResponse>;

/**
 * Per district: whether completing an investigation about brott/våld needs a signed structured
 * assessment or a documented reason. GET/PUT /api/admin/districts/:id/assessment-policy.
 */
export function AssessmentPolicyEditor({ org }: { org: Org }) {
  const { t } = useLang();
  const id = useId();
  const [stored, setStored] = useState<Record<string, boolean> | null>(null);
  const [values, setValues] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all(org.districts.map((d) => assessmentApi.policy(d.id)))
      .then((list) => {
        const next = Object.fromEntries(list.map((p) => [p.districtId, p.requireStructuredAssessment]));
        setStored(next);
        setValues(next);
      })
      .catch((e) => setError(asApiError(e, t("error"))));
  }, [org, t]);

  const save = async () => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const changed = org.districts.filter((d) => (values[d.id] ?? false) !== (stored?.[d.id] ?? false));
      const results = await Promise.all(changed.map((d) => assessmentApi.setPolicy(d.id, values[d.id] ?? false)));
      setStored((s) => ({ ...s, ...Object.fromEntries(results.map((p) => [p.districtId, p.requireStructuredAssessment])) }));
      setSaved(true);
    } catch (e) {
      setError(asApiError(e, t("error")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("assessmentPolicy")}</h2>
      <FormError error={error} />
      {saved && <Alert kind="success">{t("saved")}</Alert>}
      {stored === null && !error ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <form
          aria-labelledby={`${id}-heading`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset className="choice-group" aria-describedby={`${id}-hint`}>
            <legend>{t("requireAssessment")}</legend>
            <p className="hint" id={`${id}-hint`}>
              {t("assessmentPolicyHint")}
            </p>
            <div className="choice-columns">
              {org.districts.map((d) => (
                <div className="choice" key={d.id}>
                  <input
                    type="checkbox"
                    id={`${id}-${d.id}`}
                    checked={values[d.id] ?? false}
                    onChange={(e) => {
                      setSaved(false);
                      setValues((v) => ({ ...v, [d.id]: e.target.checked }));
                    }}
                  />
                  <label htmlFor={`${id}-${d.id}`}>{d.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
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
