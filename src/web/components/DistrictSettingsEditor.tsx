import { type ReactNode, useEffect, useId, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import type { ApiError } from "../api";
import { useLang } from "../i18n";
import { asApiError } from "./CaseApi";
import { FormError } from "./CaseFormParts";
import { Alert } from "./Field";

type Org = z.infer<typeof organisationResponse>;
type District = Org["districts"][number];

/**
 * One setting per district, read and written through the district's own endpoint: loads every
 * district's value, lets the administrator change them, and saves only those that changed.
 */
export function DistrictSettingsEditor<V>({
  org,
  heading,
  hint,
  load,
  save,
  children,
}: {
  org: Org;
  heading: string;
  hint?: ReactNode;
  load: (districtId: string) => Promise<V>;
  save: (districtId: string, value: V) => Promise<V>;
  /** The inputs: one per district, given its value and how to change it. */
  children: (fields: { district: District; value: V; change: (value: V) => void; inputId: string }[]) => ReactNode;
}) {
  const { t } = useLang();
  const id = useId();
  const [stored, setStored] = useState<Record<string, V> | null>(null);
  const [values, setValues] = useState<Record<string, V>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all(org.districts.map(async (d) => [d.id, await load(d.id)] as const))
      .then((list) => {
        const next = Object.fromEntries(list);
        setStored(next);
        setValues(next);
      })
      .catch((e) => setError(asApiError(e, t("error"))));
  }, [org, load, t]);

  const submit = async () => {
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      const changed = org.districts.filter((d) => values[d.id] !== stored?.[d.id]);
      const results = await Promise.all(changed.map(async (d) => [d.id, await save(d.id, values[d.id] as V)] as const));
      setStored((s) => ({ ...s, ...Object.fromEntries(results) }));
      setSaved(true);
    } catch (e) {
      setError(asApiError(e, t("error")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {hint}
      <FormError error={error} />
      {saved && <Alert kind="success">{t("saved")}</Alert>}
      {stored === null && !error ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <form
          aria-labelledby={`${id}-heading`}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {children(
            org.districts
              .filter((d) => stored && d.id in stored)
              .map((district) => ({
                district,
                value: values[district.id] as V,
                inputId: `${id}-${district.id}`,
                change: (value: V) => {
                  setSaved(false);
                  setValues((v) => ({ ...v, [district.id]: value }));
                },
              })),
          )}
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
