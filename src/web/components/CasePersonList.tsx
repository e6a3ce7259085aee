import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useLang } from "../i18n";
import { type CaseListItem, caseApi } from "./CaseApi";
import { CaseTable } from "./CaseTable";

/** The person's cases in the user's scope (GET /api/cases filtered by personId). */
export function CasePersonList({ personId }: { personId: string }) {
  const { t } = useLang();
  const [items, setItems] = useState<CaseListItem[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    setItems(null);
    setUnavailable(false);
    caseApi
      .list({ personId, status: "all", limit: 100 })
      .then((res) => setItems(res.items))
      .catch(() => setUnavailable(true));
  }, [personId]);
  return (
    <section className="card" aria-labelledby="person-cases-heading">
      <h2 id="person-cases-heading">{t("personCases")}</h2>
      {unavailable && (
        <p>
          {t("personCasesUnavailable")} <Link to="/arenden">{t("cases")}</Link>
        </p>
      )}
      {!items && !unavailable && <p role="status">{t("loading")}</p>}
      {items && items.length === 0 && <p>{t("noCases")}</p>}
      {items && items.length > 0 && <CaseTable items={items} caption={t("personCases")} showPerson={false} />}
    </section>
  );
}
