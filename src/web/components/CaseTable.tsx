import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { api, type Deadlines } from "../api";
import { useAuth } from "../auth";
import { formatDateTime, useLang } from "../i18n";
import { CLOCK_LABELS, label } from "../labels";
import type { CaseListItem } from "./CaseApi";
import { ClockStateText } from "./CaseClocks";

type Org = z.infer<typeof organisationResponse>;

/** Organisation (district and unit names) and running clocks, which the case list does not carry. */
export function useCaseListContext() {
  const [org, setOrg] = useState<Org | null>(null);
  const [deadlines, setDeadlines] = useState<Deadlines | null>(null);
  useEffect(() => {
    api
      .organisation()
      .then(setOrg)
      .catch(() => setOrg(null));
    api
      .deadlines({})
      .then(setDeadlines)
      .catch(() => setDeadlines(null));
  }, []);
  return { org, deadlines };
}

export function CaseTable({
  items,
  caption,
  org,
  deadlines,
  showPerson = true,
}: {
  items: CaseListItem[];
  caption: string;
  org: Org | null;
  deadlines: Deadlines | null;
  showPerson?: boolean;
}) {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const districtName = (id: string) => org?.districts.find((d) => d.id === id)?.name ?? "—";
  const clocksOf = (caseId: string) => deadlines?.items.filter((d) => d.caseId === caseId) ?? [];
  const assignedName = (c: CaseListItem) => {
    if (!c.assignedTo) return <em>{t("unassigned")}</em>;
    if (c.assignedTo === me?.id) return `${me.displayName} (${t("you")})`;
    return deadlines?.items.find((d) => d.caseId === c.id)?.assignedToName ?? t("assignedOther");
  };
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
            const clocks = clocksOf(c.id);
            return (
              <tr key={c.id} className={clocks.some((k) => k.state === "overdue") ? "row-overdue" : undefined}>
                <td>
                  <Link to={`/arenden/${c.id}`}>
                    {t("caseOpened")} {formatDateTime(c.openedAt, lang)}
                    {!showPerson && <span className="visually-hidden"> ({c.personName})</span>}
                  </Link>
                </td>
                {showPerson && <td>{c.personName}</td>}
                <td>{districtName(c.districtId)}</td>
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
                        <li key={`${k.clock}-${k.recordId}`}>
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
