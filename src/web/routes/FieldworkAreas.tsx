import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { FieldArea } from "../../contracts/fieldwork";
import type { Position } from "../../domain/fieldwork/polygon";
import { roleHasPermission } from "../../domain/roles";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { AreaDrawer, closedRing, cornersOf, DEFAULT_FRAME, drawingFrame } from "../components/AreaDrawer";
import { FormError, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type AreaList, fieldworkApi } from "../components/FieldworkApi";
import { fill, useLang } from "../i18n";

/** Buttons side by side with room between them. */
const ROW = { display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "center" } as const;

/** The server's message about the polygon (any ring or position under body.polygon), for beside the field. */
const polygonMessage = (error: ApiError | null) =>
  error?.fields.find((f) => f.path === "body.polygon" || f.path.startsWith("body.polygon."))?.message;

/**
 * The form that creates an area (area = null) or changes one: its name, its district (on creation)
 * and its boundary drawn or typed. The ring is closed here; the server checks it and names the fault.
 */
function AreaForm({
  area,
  areas,
  districts,
  onSaved,
  onCancel,
}: {
  area: FieldArea | null;
  areas: FieldArea[];
  districts: (readonly [string, string])[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLang();
  const [name, setName] = useState(area?.name ?? "");
  const [districtId, setDistrictId] = useState(area?.districtId ?? districts[0]?.[0] ?? "");
  const [corners, setCorners] = useState<Position[]>(() => cornersOf(area?.polygon));
  // An untouched boundary is not sent on a change, so a stored hole (a further ring) stays.
  const [redrawn, setRedrawn] = useState(false);
  const [tooFew, setTooFew] = useState(false);
  const { busy, error, run } = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (area) heading.current?.focus();
  }, [area]);

  const others = areas.filter((a) => a.id !== area?.id);
  const inDistrict = others.filter((a) => a.districtId === districtId);
  const framing = (inDistrict.length ? inDistrict : others).map((a) => a.polygon);
  const frame = drawingFrame(framing, corners);
  const headingId = area ? `area-edit-${area.id}` : "area-new";

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {area ? fill(t("fwAreaEditTitle"), { name: area.name }) : t("fwNewArea")}
      </h2>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-labelledby={headingId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if ((!area || redrawn) && corners.length < 3) {
            setTooFew(true);
            return;
          }
          setTooFew(false);
          const polygon = { type: "Polygon" as const, coordinates: [closedRing(corners)] };
          const trimmed = name.trim();
          void run(
            () =>
              area
                ? fieldworkApi.updateArea(area.id, { name: trimmed, ...(redrawn ? { polygon } : {}) })
                : fieldworkApi.createArea({ districtId, name: trimmed, polygon }),
            () => onSaved(fill(t(area ? "fwAreaUpdated" : "fwAreaCreated"), { name: trimmed })),
          );
        }}
      >
        <Field
          label={t("fwName")}
          value={name}
          required
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          error={error?.fieldMessage("name")}
        />
        {!area && districts.length > 1 && (
          <SelectField
            label={t("fwDistrict")}
            value={districtId}
            onChange={setDistrictId}
            required
            error={error?.fieldMessage("districtId")}
          >
            {districts.map(([id, n]) => (
              <option key={id} value={id}>
                {n}
              </option>
            ))}
          </SelectField>
        )}
        <AreaDrawer
          corners={corners}
          onChange={(next) => {
            setCorners(next);
            setRedrawn(true);
            if (next.length >= 3) setTooFew(false);
          }}
          frame={frame}
          defaultFrame={!framing.length && frame === DEFAULT_FRAME}
          backdrop={others}
          error={tooFew ? t("fwAreaTooFew") : polygonMessage(error)}
        />
        <div className="form-actions" style={ROW}>
          <button type="submit" disabled={busy}>
            {area ? t("fwAreaSaveChanges") : t("fwAreaCreate")}
          </button>
          {area && (
            <button type="button" onClick={onCancel}>
              {t("fwAreaCancel")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/**
 * /faltarbete/omraden (fieldwork:manage): the district's fältarbete areas, drawn on an offline SVG
 * map, created and changed by drawing or typing their boundary, and deactivated when no longer
 * walked (an area with shifts is kept, so the history still names it).
 */
export function FieldworkAreas() {
  const { t } = useLang();
  const { me } = useAuth();
  const districts = [
    ...new Map(
      (me?.assignments ?? [])
        .filter((a) => roleHasPermission(a.role, "fieldwork:manage"))
        .map((a) => [a.districtId, a.districtName] as const),
    ),
  ];
  const managed = new Set(districts.map(([id]) => id));
  const [areas, setAreas] = useState<AreaList | null>(null);
  const [editing, setEditing] = useState<FieldArea | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState("");
  const toggle = useSubmit();
  const load = useCallback(() => {
    fieldworkApi
      .areas()
      .then(setAreas)
      .catch(() => setAreas({ items: [] }));
  }, []);
  useEffect(load, []);

  return (
    <>
      <h1>{t("fwAreasTitle")}</h1>
      <p>{t("fwAreasIntro")}</p>
      <p>
        <Link to="/faltarbete">{t("fwNav")}</Link>
      </p>
      {notice && <Alert kind="success">{notice}</Alert>}
      <section className="card" aria-labelledby="area-list">
        <h2 id="area-list">{t("fwAreaList")}</h2>
        <FormError error={toggle.error} />
        {!areas ? (
          <p role="status">{t("loading")}</p>
        ) : areas.items.length === 0 ? (
          <p>{t("fwAreaNone")}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t("fwAreaList")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fwName")}</th>
                <th scope="col">{t("fwDistrict")}</th>
                <th scope="col">{t("fwActive")}</th>
                <th scope="col">{t("fwAreaActions")}</th>
              </tr>
            </thead>
            <tbody>
              {areas.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.name}</th>
                  <td>{a.districtName}</td>
                  <td>{a.active ? t("fwYes") : t("fwNo")}</td>
                  <td>
                    {managed.has(a.districtId) && (
                      <div style={ROW}>
                        <button
                          type="button"
                          aria-label={`${t("fwAreaEdit")} ${a.name}`}
                          onClick={() => {
                            setNotice("");
                            setEditing(a);
                          }}
                        >
                          {t("fwAreaEdit")}
                        </button>
                        <button
                          type="button"
                          disabled={toggle.busy}
                          aria-label={`${a.active ? t("fwDeactivate") : t("fwActivate")} ${a.name}`}
                          onClick={() => {
                            setNotice("");
                            void toggle.run(
                              () => fieldworkApi.updateArea(a.id, { active: !a.active }),
                              () => {
                                setNotice(fill(t(a.active ? "fwAreaDeactivated" : "fwAreaActivated"), { name: a.name }));
                                load();
                              },
                            );
                          }}
                        >
                          {a.active ? t("fwDeactivate") : t("fwActivate")}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {areas && districts.length > 0 && (
        <AreaForm
          key={editing ? editing.id : `new-${formKey}`}
          area={editing}
          areas={areas.items}
          districts={districts}
          onSaved={(message) => {
            setNotice(message);
            setEditing(null);
            setFormKey((k) => k + 1);
            load();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}
