import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { Me } from "../../contracts/auth";
import type { organisationResponse } from "../../contracts/organisation";
import { type Permission, roleHasPermission } from "../../domain/roles";
import { type ApiError, api } from "../api";
import { useAuth } from "../auth";
import { asApiError, type CaseFile, caseApi } from "../components/CaseApi";
import { CaseAssessments } from "../components/CaseAssessments";
import { assignableIn, CaseAssignControl, useCaseload } from "../components/CaseAssignment";
import { CaseAvhopp } from "../components/CaseAvhopp";
import { ClockList, caseClocks, isRunning } from "../components/CaseClocks";
import { CaseClose, useCloseReasons } from "../components/CaseClose";
import { CaseCoHandlers, CoHandlerNames } from "../components/CaseCoHandlers";
import { CaseDecisions } from "../components/CaseDecisions";
import { CaseInsatser } from "../components/CaseInsatser";
import { CaseInvestigationCard } from "../components/CaseInvestigation";
import { CaseJournal } from "../components/CaseJournal";
import { CaseLul } from "../components/CaseLul";
import { CaseLvu } from "../components/CaseLvu";
import { CaseParticipation } from "../components/CaseParticipation";
import { CaseReportCard } from "../components/CaseReport";
import { CaseUngdomsovervakning } from "../components/CaseUngdomsovervakning";
import { CaseUngdomstjanst } from "../components/CaseUngdomstjanst";
import { Alert } from "../components/Field";
import { formatDateTime, useLang } from "../i18n";
import { NotFound } from "./NotFound";

type Org = z.infer<typeof organisationResponse>;

const holds = (me: Me | null, districtId: string, permission: Permission) =>
  (me?.assignments ?? []).some((a) => a.districtId === districtId && roleHasPermission(a.role, permission));

/** The case file (/arenden/:id): reports, assessments, investigations, decisions, journal, closing. */
export function Case() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const { me } = useAuth();
  const [c, setCase] = useState<CaseFile | null>(null);
  const [org, setOrg] = useState<Org | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");

  const load = useCallback(async () => {
    try {
      setCase(await caseApi.get(id));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [id, t]);

  useEffect(() => {
    setCase(null);
    setNotice("");
    void load();
  }, [load]);
  useEffect(() => {
    api
      .organisation()
      .then(setOrg)
      .catch(() => setOrg(null));
  }, []);

  /** After a command: reload the file and say so in the live region. */
  const changed = useCallback(async () => {
    await load();
    setNotice(`${t("saved")} ${new Date().toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm" })}`);
  }, [load, t]);

  if (error?.status === 404 || (error?.status === 400 && !c)) return <NotFound />;
  if (error && !c) return <Alert kind="error">{error.message || t("error")}</Alert>;
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
      {c ? (
        <CaseFileView
          c={c}
          org={org}
          onChanged={changed}
          // The server allows changes only in districts where the user holds the permission.
          canWrite={holds(me, c.districtId, "case:write")}
          canAssign={holds(me, c.districtId, "case:assign")}
        />
      ) : (
        <p role="status">{t("loading")}</p>
      )}
    </>
  );
}

function CaseFileView({
  c,
  org,
  onChanged,
  canWrite,
  canAssign,
}: {
  c: CaseFile;
  org: Org | null;
  onChanged: () => Promise<void>;
  canWrite: boolean;
  canAssign: boolean;
}) {
  const { t, lang } = useLang();
  const canReadInsatser = useAuth().can("insats:read");
  const clocks = caseClocks(c);
  const open = c.closedAt === null;
  const writable = canWrite && open;
  const districtName = org?.districts.find((d) => d.id === c.districtId)?.name ?? "—";
  const unitName = c.unitId ? (org?.units.find((u) => u.id === c.unitId)?.name ?? "—") : "—";
  const openInvestigations = c.investigations.filter((i) => i.completedOn === null);
  const running = clocks.filter((k) => isRunning(k.state));
  return (
    <>
      <h1>
        {t("caseOf")} {c.personName}
      </h1>
      {c.protectedIdentity && (
        <div className="protected-marker" role="note">
          <span aria-hidden="true">🔒 </span>
          <strong>{t("protected")}</strong>
        </div>
      )}
      <section className="card" aria-labelledby="case-summary-heading">
        <h2 id="case-summary-heading">{t("caseSummary")}</h2>
        <dl className="facts">
          <dt>{t("person")}</dt>
          <dd>
            <Link to={`/personer/${c.personId}`}>{c.personName}</Link>
          </dd>
          <dt>{t("district")}</dt>
          <dd>{districtName}</dd>
          <dt>{t("unit")}</dt>
          <dd>{unitName}</dd>
          <dt>{t("caseWorker")}</dt>
          <dd>{c.assignedToName ?? <em>{t("unassigned")}</em>}</dd>
          <dt>{t("igCoHandlers")}</dt>
          <dd>
            <CoHandlerNames c={c} />
          </dd>
          <dt>{t("caseOpened")}</dt>
          <dd>{formatDateTime(c.openedAt, lang)}</dd>
          <dt>{t("status")}</dt>
          <dd>
            <strong>{open ? t("open") : `${t("closed")} ${formatDateTime(c.closedAt as string, lang)}`}</strong>
          </dd>
          {!open && (
            <>
              <dt>{t("closeReason")}</dt>
              <dd>
                <CloseReasonLabel code={c.closeReason} />
              </dd>
              <dt>{t("closeOutcome")}</dt>
              <dd className="prewrap">{c.closeOutcome ?? "—"}</dd>
            </>
          )}
        </dl>
        <h3>{t("openClocks")}</h3>
        {running.length === 0 ? <p>{t("noDeadlines")}</p> : <ClockList clocks={running} label={t("openClocks")} />}
        {canAssign && open && <CaseAssignment c={c} org={org} onChanged={onChanged} />}
        {canAssign && open && <CaseCoHandlers c={c} org={org} onChanged={onChanged} />}
      </section>

      <section className="card" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t("reports")}</h2>
        {c.reports.length === 0 && <p>{t("noReports")}</p>}
        {c.reports.map((r, i) => (
          <CaseReportCard
            key={r.id}
            report={r}
            index={i}
            clocks={clocks.filter((k) => k.recordId === r.id)}
            openInvestigations={openInvestigations}
            canWrite={writable}
            onChanged={onChanged}
          />
        ))}
      </section>

      <section className="card" aria-labelledby="investigations-heading">
        <h2 id="investigations-heading">{t("investigations")}</h2>
        {c.investigations.length === 0 && <p>{t("noInvestigations")}</p>}
        {c.investigations.map((inv, i) => (
          <CaseInvestigationCard
            key={inv.id}
            caseId={c.id}
            birthDate={c.personBirthDate}
            investigation={inv}
            index={i}
            clocks={clocks.filter((k) => k.recordId === inv.id)}
            canWrite={writable}
            onChanged={onChanged}
          />
        ))}
        <CaseAssessments
          caseId={c.id}
          investigationId={null}
          birthDate={c.personBirthDate}
          canWrite={canWrite}
          caseClosed={!open}
        />
      </section>

      <CaseParticipation caseFile={c} canWrite={canWrite} onChanged={onChanged} />
      {/* Uppföljning may be decided after the case is closed, so decisions stay writable. */}
      <CaseDecisions caseFile={c} canWrite={canWrite} onChanged={onChanged} />
      {canReadInsatser && <CaseInsatser caseFile={c} org={org} />}
      <CaseLul caseFile={c} canWrite={canWrite} onChanged={onChanged} />
      <CaseLvu caseFile={c} canWrite={canWrite} onChanged={onChanged} />
      <CaseUngdomstjanst caseFile={c} canWrite={canWrite} />
      <CaseUngdomsovervakning caseFile={c} canWrite={canWrite} />
      <CaseAvhopp caseFile={c} canWrite={canWrite} />
      <CaseJournal caseFile={c} canWrite={canWrite} onChanged={onChanged} />
      {writable && <CaseClose caseFile={c} onChanged={onChanged} />}
    </>
  );
}

function CloseReasonLabel({ code }: { code: string | null }) {
  const reasons = useCloseReasons();
  if (!code) return <>—</>;
  const found = reasons?.find((r) => r.code === code);
  return <>{found ? `${found.label} (${code})` : code}</>;
}

function CaseAssignment({ c, org, onChanged }: { c: CaseFile; org: Org | null; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const { caseload, reload } = useCaseload();
  return (
    <>
      <h3 id="assign-heading">{t("assignment")}</h3>
      <CaseAssignControl
        caseId={c.id}
        options={assignableIn(caseload, c.districtId, org)}
        current={{ userId: c.assignedTo, unitId: c.unitId }}
        onChanged={async () => {
          await onChanged();
          await reload();
        }}
      />
    </>
  );
}
