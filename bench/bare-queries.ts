/**
 * The bare limit for each benchmark: the same result as the API computes, written by hand as SQL
 * straight on PostgreSQL, with no authentication, scope, audit, validation or JSON on the way.
 */

export const PERSON_BY_ID = `select id, personnummer, is_samordningsnummer, kind, first_name, last_name, gender, birth_date,
  protected_identity, address, phone, district_id, created_at, updated_at from persons where id = $1`;

/** $1 district, $2 now. Running clocks of the district with their state, worst first, as the overview. */
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
), stated as (
  select *, case when done is not null then (case when done < due_at then 'met' else 'met_late' end)
                 when due_at <= $2 then 'overdue'
                 when (due_at at time zone 'Europe/Stockholm')::date - 1 - ($2::timestamptz at time zone 'Europe/Stockholm')::date <= 3 then 'due_soon'
                 else 'due' end as state
  from clocks
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
