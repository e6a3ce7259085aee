import type { z } from "zod";
import type { auditRow } from "../../contracts/audit";
import { ROLE_LABELS, type Role } from "../../domain/roles";
import { formatDateTime, useLang } from "../i18n";

type Row = z.infer<typeof auditRow>;

export function AuditTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t, lang } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("time")}</th>
            <th scope="col">{t("user")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("unit")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("person")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at, lang)}</td>
              <td>{r.username ?? "—"}</td>
              <td>{r.role ? (ROLE_LABELS[r.role as Role]?.[lang] ?? r.role) : "—"}</td>
              <td>{r.unitName ?? "—"}</td>
              <td>
                <code>{r.action}</code>
                {r.purpose && <span className="hint"> ({r.purpose})</span>}
              </td>
              <td>{r.personName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
