import { ROLE_LABELS } from "../../domain/roles";
import { useAuth } from "../auth";
import { DeadlineOverview } from "../components/DeadlineOverview";
import { ExpiringConsents } from "../components/ExpiringConsents";
import { MyDocumentReviews } from "../components/MyDocumentReviews";
import { MyExpiringTrainings } from "../components/MyExpiringTrainings";
import { ProposalQueue } from "../components/ProposalQueue";
import { useLang } from "../i18n";

export function Start() {
  const { me, can } = useAuth();
  const { t, lang } = useLang();
  if (!me) return null;
  return (
    <>
      <h1>
        {t("greeting")}, {me.displayName}
      </h1>
      <section className="card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t("yourRoles")}</h2>
        <ul className="plain">
          {me.assignments.map((a) => (
            <li key={`${a.unitId}-${a.role}`}>
              <strong>{ROLE_LABELS[a.role][lang]}</strong> — {a.unitName}, {a.districtName}
            </li>
          ))}
        </ul>
      </section>
      {/* The delegate's queue of förslag till beslut (issue 18 point 1), first: someone is waiting. */}
      {can("case:write") && <ProposalQueue />}
      {can("document:read") && <MyDocumentReviews />}
      {can("consent:manage") && <ExpiringConsents />}
      {can("training:read") && <MyExpiringTrainings userId={me.id} />}
      {can("case:read") && <DeadlineOverview />}
    </>
  );
}
