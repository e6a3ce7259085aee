import { type FormEvent, useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { EmergencyGrant } from "../../contracts/emergency-access";
import {
  EMERGENCY_ACCESS_HOURS,
  EMERGENCY_CATEGORIES,
  EMERGENCY_CATEGORY_LABELS,
  MIN_REASON_LENGTH,
} from "../../domain/emergency-access/rules";
import { CheckboxField, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { emergencyApi } from "../components/EmergencyAccessApi";
import { Alert, Field, SelectField } from "../components/Field";
import { fill, formatDateTime, useLang } from "../i18n";

/**
 * Nödåtkomst (/nodatkomst): the warning, the request by exact personnummer with a category and a
 * reason, a link to the person once granted, and the user's live grants with a way to end them.
 */
export function EmergencyAccess() {
  const { t, lang } = useLang();
  const [personnummer, setPersonnummer] = useState("");
  const [category, setCategory] = useState("");
  const [reason, setReason] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [granted, setGranted] = useState<EmergencyGrant | null>(null);
  const [mine, setMine] = useState<EmergencyGrant[] | null>(null);
  const [ended, setEnded] = useState(false);
  const submit = useSubmit();

  const load = useCallback(() => {
    emergencyApi
      .mine()
      .then((res) => setMine(res.items))
      .catch(() => setMine([]));
  }, []);
  useEffect(load, []);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setGranted(null);
    setEnded(false);
    await submit.run(
      async () => {
        const grant = await emergencyApi.request({ personnummer, category, reason });
        setGranted(grant);
        setPersonnummer("");
        setReason("");
        setUnderstood(false);
      },
      () => load(),
    );
  }

  async function end(id: string) {
    setGranted(null);
    await submit.run(
      () => emergencyApi.end(id),
      () => {
        setEnded(true);
        load();
      },
    );
  }

  return (
    <>
      <h1>{t("eaTitle")}</h1>
      <section className="emergency-warning" aria-labelledby="ea-warning-heading">
        <h2 id="ea-warning-heading">{t("eaWarningTitle")}</h2>
        <p>{fill(t("eaWarning"), { hours: EMERGENCY_ACCESS_HOURS })}</p>
      </section>

      <section className="card" aria-labelledby="ea-form-heading">
        <h2 id="ea-form-heading">{t("eaFormTitle")}</h2>
        <form className="grid-form" onSubmit={onSubmit}>
          <Field
            label={t("eaPersonnummer")}
            hint={t("eaPersonnummerHint")}
            value={personnummer}
            onChange={(e) => setPersonnummer(e.target.value)}
            autoComplete="off"
            inputMode="numeric"
            required
          />
          <SelectField label={t("eaCategory")} value={category} onChange={setCategory} required>
            <option value="">{t("eaChoose")}</option>
            {EMERGENCY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {EMERGENCY_CATEGORY_LABELS[c][lang]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t("eaReason")}
            hint={fill(t("eaReasonHint"), { min: MIN_REASON_LENGTH })}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
          <CheckboxField label={t("eaConfirm")} checked={understood} onChange={setUnderstood} />
          <div className="form-actions">
            <button type="submit" disabled={!understood || submit.busy}>
              {t("eaSubmit")}
            </button>
          </div>
        </form>
        <FormError error={submit.error} />
        {granted && (
          <Alert kind="success">
            <p>{fill(t("eaGranted"), { name: granted.personName, until: formatDateTime(granted.expiresAt, lang) })}</p>
            <p>
              <Link to={`/personer/${granted.personId}`}>{fill(t("eaOpenPerson"), { name: granted.personName })}</Link>
            </p>
          </Alert>
        )}
        {ended && <Alert kind="success">{t("eaEnded")}</Alert>}
      </section>

      <section className="card" aria-labelledby="ea-mine-heading">
        <h2 id="ea-mine-heading">{t("eaMineTitle")}</h2>
        {!mine && <p role="status">{t("loading")}</p>}
        {mine && mine.length === 0 && <p>{t("eaMineNone")}</p>}
        {mine && mine.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("eaMineTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("eaPerson")}</th>
                  <th scope="col">{t("eaCategory")}</th>
                  <th scope="col">{t("eaUntil")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("eaEnd")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <Link to={`/personer/${g.personId}`}>{g.personName}</Link>
                    </td>
                    <td>{EMERGENCY_CATEGORY_LABELS[g.category][lang]}</td>
                    <td>{formatDateTime(g.expiresAt, lang)}</td>
                    <td>
                      <button type="button" className="secondary" onClick={() => void end(g.id)} disabled={submit.busy}>
                        {t("eaEnd")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
