import { Link } from "react-router";
import { useAuth } from "../auth";
import { formatDateTime, useLang } from "../i18n";
import { CLOCK_LABELS, label } from "../labels";
import type { CaseListItem } from "./CaseApi";
import { ClockStateText } from "./CaseClocks";

/** A list of cases with their running clocks, as GET /api/cases returns them. */
export function CaseTable({
  items,
  caption,
  showPerson = true,
}: {
  items: CaseListItem[];
  caption: string;
  showPerson?: boolean;
}) {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const responsibleName = (c: CaseListItem) => {
    if (!c.assignedTo) return <em>{t("unassigned")}</em>;
    if (c.assignedTo === me?.id) return `${me.displayName} (${t("you")})`;
    return c.assignedToName ?? t("assignedOther");
  };
  const assignedName = (c: CaseListItem) =>
    c.coHandledByMe ? (
      <>
        {responsibleName(c)} ({t("igCoHandledByMe")})
      </>
    ) : (
      responsibleName(c)
    );
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("caseCol")}</th>
            {showPerson && <th scope="col">{t("person")}</th>}
            <th scope="col">{t("district")}</th>
            <th scope="col">{t("caseWorker")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("openClocks")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const clocks = c.clocks;
            return (
              <tr key={c.id} className={clocks.some((k) => k.state === "overdue") ? "row-overdue" : undefined}>
                <td>
                  <Link to={`/arenden/${c.id}`}>
                    {t("caseOpened")} {formatDateTime(c.openedAt, lang)}
                    {!showPerson && <span className="visually-hidden"> ({c.personName})</span>}
                  </Link>
                </td>
                {showPerson && <td>{c.personName}</td>}
                <td>{c.districtName}</td>
                <td>{assignedName(c)}</td>
                <td>
                  {c.closedAt ? (
                    <>
                      {t("closed")} {formatDateTime(c.closedAt, lang)}
                    </>
                  ) : (
                    t("open")
                  )}
                </td>
                <td>
                  {clocks.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="plain">
                      {clocks.map((k) => (
                        <li key={`${k.clock}-${k.dueDate}`}>
                          {label(CLOCK_LABELS, k.clock, lang)}: <ClockStateText state={k.state} />{" "}
                          <span className="hint">
                            ({t("dueDate")} {k.dueDate})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
