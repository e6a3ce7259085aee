import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { JudgmentView } from "../../contracts/ungdomstjanst";
import { useLang } from "../i18n";
import { label } from "../labels";
import { UT_STATUS_LABELS } from "../texts/ungdomstjanst";
import { youthSanctionApi } from "./YouthSanctionApi";

/**
 * The young person's judgments to ungdomstjänst on the person page, with hours judged, done and left
 * and each one's stage (GET /api/persons/:id/ungdomstjanst: the cases in the user's scope). Shown
 * only when there is one; a failed read shows nothing rather than a section the user cannot use.
 */
export function PersonUngdomstjanst({ personId }: { personId: string }) {
  const { t, lang } = useLang();
  const [items, setItems] = useState<JudgmentView[] | null>(null);
  useEffect(() => {
    setItems(null);
    youthSanctionApi.personJudgments(personId).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [personId]);
  if (!items || items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="person-ut-heading">
      <h2 id="person-ut-heading">{t("utPersonHeading")}</h2>
      <table>
        <caption>{t("utPersonHeading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("utPersonCase")}</th>
            <th scope="col">{t("utJudgmentOn")}</th>
            <th scope="col">{t("utStatus")}</th>
            <th scope="col">{t("utHours")}</th>
            <th scope="col">{t("utDone")}</th>
            <th scope="col">{t("utLeft")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((j) => (
            <tr key={j.id}>
              <th scope="row">
                <Link to={`/arenden/${j.caseId}`} aria-label={`${t("utPersonOpenCase")}: ${j.court} ${j.caseNumber}`}>
                  {j.court} {j.caseNumber}
                </Link>
              </th>
              <td>{j.judgmentOn}</td>
              <td>{label(UT_STATUS_LABELS, j.status, lang)}</td>
              <td>{j.progress.hours}</td>
              <td>{j.progress.done}</td>
              <td>{j.progress.left}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
