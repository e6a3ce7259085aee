import type { ReactNode } from "react";
import { NavLink } from "react-router";
import { ROLE_LABELS } from "../../domain/roles";
import { useAuth } from "../auth";
import { useLang } from "../i18n";

export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut, can } = useAuth();
  const { t, lang, setLang } = useLang();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skip")}
      </a>
      {me?.syntheticData && (
        <div className="synthetic-banner" role="note">
          {t("synthetic")}
        </div>
      )}
      <header className="top">
        <div className="brand">{t("appName")}</div>
        {me && (
          <nav aria-label={t("mainNav")}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t("navStart")}
                </NavLink>
              </li>
              {can("person:read") && (
                <li>
                  <NavLink to="/personer">{t("navPersons")}</NavLink>
                </li>
              )}
              {can("person:read") && me.protectedIdentityAccess && (
                <li>
                  <NavLink to="/skyddade-registreringar">{t("pmNav")}</NavLink>
                </li>
              )}
              {can("person:read") && (
                <li>
                  <NavLink to="/nodatkomst">{t("eaNav")}</NavLink>
                </li>
              )}
              {can("case:read") && (
                <li>
                  <NavLink to="/arenden">{can("case:write") ? t("navMyCases") : t("navCases")}</NavLink>
                </li>
              )}
              {can("case:assign") && (
                <li>
                  <NavLink to="/arendefordelning">{t("navCaseload")}</NavLink>
                </li>
              )}
              {can("insats:read") && (
                <li>
                  <NavLink to="/uppdrag">{t("navUppdrag")}</NavLink>
                </li>
              )}
              {can("forum:manage") && (
                <li>
                  <NavLink to="/samverkan">{t("samNavForums")}</NavLink>
                </li>
              )}
              {can("lagesbild:read") && (
                <li>
                  <NavLink to="/lagesbild">{t("lbNav")}</NavLink>
                </li>
              )}
              {can("fieldwork:read") && (
                <li>
                  <NavLink to="/faltarbete" end>
                    {t("fwNav")}
                  </NavLink>
                </li>
              )}
              {can("case:read") && (
                <li>
                  <NavLink to="/avhopp">{t("avNav")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/handlaggningstider">{t("navStats")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/statistik/bedomningar">{t("navAssessmentStats")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/statistik/insatser">{t("navSamladBild")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/statistik/effekter">{t("efNav")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/statistik/ivo">{t("navIvo")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/statistik/ungdomsmal">{t("yoNavReport")}</NavLink>
                </li>
              )}
              {can("stats:read") && (
                <li>
                  <NavLink to="/statistik/avvikelser">{t("dvNavStats")}</NavLink>
                </li>
              )}
              {can("deviation:report") && (
                <li>
                  <NavLink to="/avvikelser/ny">{t("dvNavReport")}</NavLink>
                </li>
              )}
              {can("deviation:manage") && (
                <li>
                  <NavLink to="/avvikelser" end>
                    {t("dvNavList")}
                  </NavLink>
                </li>
              )}
              {can("review:manage") && (
                <li>
                  <NavLink to="/egenkontroll/sena-tidsfrister">{t("ldNav")}</NavLink>
                </li>
              )}
              {can("review:manage") && (
                <li>
                  <NavLink to="/egenkontroll/aktgranskning">{t("frNav")}</NavLink>
                </li>
              )}
              {can("review:manage") && (
                <li>
                  <NavLink to="/egenkontroll/internkontrollplan">{t("gvNavControlPlan")}</NavLink>
                </li>
              )}
              {can("logreview:manage") && (
                <li>
                  <NavLink to="/egenkontroll/loggkontroll">{t("gvNavLogReview")}</NavLink>
                </li>
              )}
              {can("review:manage") && (
                <li>
                  <NavLink to="/egenkontroll/nodatkomst">{t("eaReviewNav")}</NavLink>
                </li>
              )}
              {can("document:read") && (
                <li>
                  <NavLink to="/styrdokument">{t("gvNavDocuments")}</NavLink>
                </li>
              )}
              {can("instrument:read") && (
                <li>
                  <NavLink to="/instrument">{t("navInstruments")}</NavLink>
                </li>
              )}
              {can("organisation:read") && (
                <li>
                  <NavLink to="/insatskatalog">{t("navCatalogue")}</NavLink>
                </li>
              )}
              {can("catalogue:manage") && (
                <li>
                  <NavLink to="/isu-installningar">{t("efSettingsNav")}</NavLink>
                </li>
              )}
              {can("training:read") && (
                <li>
                  <NavLink to="/utbildningar">{t("navTrainings")}</NavLink>
                </li>
              )}
              {can("audit:read") && (
                <li>
                  <NavLink to="/logg">{t("navAudit")}</NavLink>
                </li>
              )}
              {can("admin") && (
                <li>
                  <NavLink to="/admin">{t("navAdmin")}</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/konto">{t("navAccount")}</NavLink>
              </li>
            </ul>
          </nav>
        )}
        <div className="top-actions">
          <button
            type="button"
            className="link-button"
            lang={lang === "sv" ? "en" : "sv"}
            onClick={() => setLang(lang === "sv" ? "en" : "sv")}
          >
            {t("language")}
          </button>
          {me && (
            <>
              <span className="who">
                {me.displayName}
                <span className="roles"> · {me.roles.map((r) => ROLE_LABELS[r][lang]).join(", ")}</span>
              </span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                {t("signOut")}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
