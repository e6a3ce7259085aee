import { type ReactNode, useCallback, useEffect, useState } from "react";
import { type TextKey, useLang } from "../i18n";
import { asApiError } from "./CaseApi";
import { Alert } from "./Field";

/**
 * The frame of a young-offender section of the case page (LUL, LVU, ungdomstjänst,
 * ungdomsövervakning): heading and introduction, the case's records loaded from the API with a
 * loading and an error state, the line shown when there are none, a card per record and the form
 * that adds one. `changed` reloads the records and then, when given, the case file.
 */
export function CaseRecordPanel<T extends { id: string }>({
  id,
  heading,
  intro,
  none,
  caseId,
  fetch,
  onChanged,
  card,
  form,
}: {
  /** The section's id prefix: its heading is `${id}-heading`. */
  id: string;
  heading: TextKey;
  intro: TextKey;
  none: TextKey;
  caseId: string;
  /** Reads the case's records (a stable function of the API client). */
  fetch: (caseId: string) => Promise<{ items: T[] }>;
  /** Reloads the case file after a change (a signature or a decision adds to its decisions). */
  onChanged?: () => Promise<void>;
  card: (record: T, index: number, changed: () => Promise<void>) => ReactNode;
  /** The form adding a record; given the records (null while loading) to decide whether it shows. */
  form: (items: T[] | null, changed: () => Promise<void>) => ReactNode;
}) {
  const { t } = useLang();
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState("");
  const load = useCallback(async () => {
    try {
      setItems((await fetch(caseId)).items);
    } catch (e) {
      setError(asApiError(e, t("error")).message);
    }
  }, [caseId, fetch, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = useCallback(async () => {
    await load();
    await onChanged?.();
  }, [load, onChanged]);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(heading)}</h2>
      <p className="hint">{t(intro)}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {items === null && !error && <p role="status">{t("loading")}</p>}
      {items?.length === 0 && <p>{t(none)}</p>}
      {items?.map((record, i) => card(record, i, changed))}
      {form(items, changed)}
    </section>
  );
}
