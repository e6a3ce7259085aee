/**
 * The bare limit for each benchmark: the same result as the API computes, written by hand as SQL
 * straight on PostgreSQL, with no authentication, scope, audit, validation or JSON on the way.
 */

export const PERSON_BY_ID = `select id, personnummer, is_samordningsnummer, kind, first_name, last_name, gender, birth_date,
  protected_identity, address, phone, district_id, created_at, updated_at from persons where id = $1`;

/** $1 district, $2 now. Running clocks of the district (case flow and running insatser) with their state, worst first, as the overview. */
export const DEADLINE_OVERVIEW = `
with c as (
  select c.id as case_id, c.person_id, p.first_name || ' ' || p.last_name as person_name, c.unit_id, u.name as unit_name,
         c.assigned_to, us.display_name as assigned_to_name, c.closed_at
  from cases c join persons p on p.id = c.person_id
  left join units u on u.id = c.unit_id left join users us on us.id = c.assigned_to
  where c.district_id = $1
), clocks as (
  select 'skyddsbedomning' as clock, r.id as record_id, c.*, r.received_at + interval '24 hours' as due_at, null::timestamptz as done
  from reports r join c on c.case_id = r.case_id
  left join protection_assessments s on s.report_id = r.id where r.district_id = $1 and s.report_id is null and c.closed_at is null
  union all
  select 'forhandsbedomning', r.id, c.*,
         ((r.received_at at time zone 'Europe/Stockholm')::date + 15)::timestamp at time zone 'Europe/Stockholm', null
  from reports r join c on c.case_id = r.case_id
  left join pre_assessments pa on pa.report_id = r.id where r.district_id = $1 and pa.report_id is null and c.closed_at is null
  union all
  select 'utredning', i.id, c.*,
         (greatest(i.extended_to, (i.opened_on + interval '4 months')::date) + 1)::timestamp at time zone 'Europe/Stockholm', null
  from investigations i join c on c.case_id = i.case_id where i.district_id = $1 and i.completed_on is null and c.closed_at is null
  union all
  select 'uppfoljning', i.id, c.*,
         ((i.completed_on + interval '2 months')::date + 1)::timestamp at time zone 'Europe/Stockholm',
         (select min(d.decided_at) from decisions d where d.investigation_id = i.id and d.type = 'uppfoljning')
  from investigations i join c on c.case_id = i.case_id
  where i.district_id = $1 and i.guardians_declined and i.completed_on >= ($2::timestamptz - interval '366 days')::date
), ins as (
  select i.id, i.legal_form, i.decided_on, i.started_on, k.kind, d.plan_due_days, c.*,
         (select min((pl.signed_at at time zone 'Europe/Stockholm')::date) from insats_plans pl
           where pl.insats_id = i.id and pl.signed_at is not null) as first_signed,
         (select min(x.d) from insats_plans pl, lateral (
             select unnest(pl.follow_up_dates) as d union select (g->>'followUpOn')::date from jsonb_array_elements(pl.goals) g) x
           where pl.id = (select id from insats_plans p2 where p2.insats_id = i.id and p2.signed_at is not null order by version desc limit 1)
             and x.d not in (select f.due_on from insats_follow_ups f where f.insats_id = i.id and f.due_on is not null)) as next_follow_up,
         (select max(o.decided_on) from overvaganden o where o.insats_id = i.id) as last_overvagande
  from insatser i join c on c.case_id = i.case_id join insats_catalogue k on k.id = i.catalogue_id
  join districts d on d.id = i.district_id
  where i.district_id = $1 and i.ended_on is null
), insats_clocks as (
  select 'verkstallighet' as clock, id as record_id, case_id, person_id, person_name, unit_id, unit_name, assigned_to,
         assigned_to_name, closed_at,
         ((decided_on + interval '3 months')::date + 1)::timestamp at time zone 'Europe/Stockholm' as due_at, null::timestamptz as done
  from ins where legal_form = 'bistand' and started_on is null
  union all
  select 'genomforandeplan', id, case_id, person_id, person_name, unit_id, unit_name, assigned_to, assigned_to_name, closed_at,
         (started_on + plan_due_days + 1)::timestamp at time zone 'Europe/Stockholm', null
  from ins where started_on is not null and first_signed is null
  union all
  select 'insats_uppfoljning', id, case_id, person_id, person_name, unit_id, unit_name, assigned_to, assigned_to_name, closed_at,
         (next_follow_up + 1)::timestamp at time zone 'Europe/Stockholm', null
  from ins where next_follow_up is not null
  union all
  select 'overvagande', id, case_id, person_id, person_name, unit_id, unit_name, assigned_to, assigned_to_name, closed_at,
         ((greatest(started_on, last_overvagande) + interval '6 months')::date + 1)::timestamp at time zone 'Europe/Stockholm', null
  from ins where started_on is not null and kind like 'placering%'
), stated as (
  select *, case when done is not null then (case when done < due_at then 'met' else 'met_late' end)
                 when due_at <= $2 then 'overdue'
                 when (due_at at time zone 'Europe/Stockholm')::date - 1 - ($2::timestamptz at time zone 'Europe/Stockholm')::date <= 3 then 'due_soon'
                 else 'due' end as state
  from (select * from clocks union all select * from insats_clocks) all_clocks
)
select *, (select json_agg(x) from (
    select unit_id, count(*) filter (where state = 'overdue') as overdue, count(*) filter (where state = 'due_soon') as due_soon,
           count(*) filter (where state = 'due') as due
    from stated group by unit_id) x) as counts
from stated
order by case state when 'overdue' then 0 when 'due_soon' then 1 when 'due' then 2 when 'met_late' then 3 else 4 end, due_at
limit 200`;

/** $1 district, $2 from, $3 to (Stockholm dates). The handling-time figures, by boys/girls and in all. */
export const HANDLING_TIMES = `
with r as (
  select case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as g, r.received_at, r.is_re_referral,
         s.assessed_at, pa.decided_at, pa.outcome
  from reports r join cases c on c.id = r.case_id join persons p on p.id = r.person_id
  left join protection_assessments s on s.report_id = r.id left join pre_assessments pa on pa.report_id = r.id
  where r.district_id = $1
    and r.received_at >= ($2::date)::timestamp at time zone 'Europe/Stockholm'
    and r.received_at < ($3::date + 1)::timestamp at time zone 'Europe/Stockholm'
), i as (
  select case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as g, i.opened_on, i.extended_to, i.completed_on
  from investigations i join cases c on c.id = i.case_id join persons p on p.id = i.person_id
  where i.district_id = $1 and i.completed_on between $2::date and $3::date
)
select 'reports' as part, g, count(*) as total,
       count(*) filter (where assessed_at <= received_at + interval '24 hours') as skydd_within,
       percentile_cont(0.5) within group (order by extract(epoch from assessed_at - received_at) / 86400) as skydd_median,
       percentile_cont(0.9) within group (order by extract(epoch from assessed_at - received_at) / 86400) as skydd_p90,
       count(*) filter (where (decided_at at time zone 'Europe/Stockholm')::date <= (received_at at time zone 'Europe/Stockholm')::date + 14) as pre_within,
       percentile_cont(0.5) within group (order by (decided_at at time zone 'Europe/Stockholm')::date - (received_at at time zone 'Europe/Stockholm')::date) as pre_median,
       percentile_cont(0.9) within group (order by (decided_at at time zone 'Europe/Stockholm')::date - (received_at at time zone 'Europe/Stockholm')::date) as pre_p90,
       count(*) filter (where outcome = 'koppla') as linked, count(*) filter (where is_re_referral) as re_referrals
from r group by grouping sets ((g), ())
union all
select 'investigations', g, count(*),
       count(*) filter (where completed_on <= greatest(extended_to, (opened_on + interval '4 months')::date)), null, null, null,
       percentile_cont(0.5) within group (order by completed_on - opened_on),
       percentile_cont(0.9) within group (order by completed_on - opened_on), null, null
from i group by grouping sets ((g), ())`;

/**
 * $1 district, $2 from, $3 to. The samlad bild's figures by hand: the insatser running in the
 * period with their first plan signature, counted per grouping set (total, boys/girls, age group,
 * insats, insats × gender) with medians by percentile_cont, plus the goal results of the
 * follow-ups done in the period per the same groups.
 */
export const SAMLAD_BILD = `
with i as (
  select i.id, i.person_id, case when p.gender in ('pojke', 'flicka') then p.gender else 'other' end as gender,
         i.catalogue_id, c.evidence_status, i.decided_on, i.started_on, i.ended_on, d.plan_due_days,
         extract(year from age(i.decided_on, p.birth_date))::int as age,
         (select min((pl.signed_at at time zone 'Europe/Stockholm')::date) from insats_plans pl
           where pl.insats_id = i.id and pl.signed_at is not null) as first_signed
  from insatser i join persons p on p.id = i.person_id join insats_catalogue c on c.id = i.catalogue_id
  join districts d on d.id = i.district_id
  where i.district_id = $1 and i.started_on <= $3::date and (i.ended_on is null or i.ended_on >= $2::date)
), figures as (
  select catalogue_id, gender, width_bucket(age, array[6, 12, 15, 18, 21]) as age_group,
         count(distinct person_id) as young_people,
         count(*) filter (where started_on between $2::date and $3::date) as started,
         count(*) filter (where ended_on is null or ended_on > $3::date) as ongoing,
         count(*) filter (where ended_on between $2::date and $3::date) as ended,
         percentile_cont(0.5) within group (order by ended_on - started_on) filter (where ended_on between $2::date and $3::date) as median_length,
         percentile_cont(0.5) within group (order by started_on - decided_on) filter (where started_on between $2::date and $3::date) as median_to_start,
         avg(case when first_signed <= started_on + plan_due_days then 1.0 else 0 end)
           filter (where started_on between $2::date and $3::date) as plan_in_time,
         count(*) filter (where evidence_status = 'avrads') as advised_against
  from i group by grouping sets ((), (gender), (width_bucket(age, array[6, 12, 15, 18, 21])), (catalogue_id), (catalogue_id, gender))
), goals as (
  select i.catalogue_id, i.gender,
         avg(case when r->>'attainment' = 'uppnatt' then 1.0 else 0 end) filter (where r->>'attainment' <> 'ej_bedomt') as goals_reached,
         avg(case when f.done_on <= f.due_on then 1.0 else 0 end) filter (where f.due_on is not null) as follow_up_in_time
  from insats_follow_ups f join i on i.id = f.insats_id cross join jsonb_array_elements(f.results) r
  where f.done_on between $2::date and $3::date
  group by grouping sets ((), (i.gender), (i.catalogue_id), (i.catalogue_id, i.gender))
)
select f.*, g.goals_reached, g.follow_up_in_time from figures f
left join goals g on g.catalogue_id is not distinct from f.catalogue_id and g.gender is not distinct from f.gender`;
