-- Share with needs by unit (a unit includes its sub-units) × area, one round,
-- with the definitions of docs/metrics.md: only shared self-ratings count;
-- the effective level is the manager's, else the self level (not "?");
-- a need is expected > effective.  Expects a view `ratings` of the round.
CREATE INDEX IF NOT EXISTS roster_id ON roster(person_id);
WITH RECURSIVE
effective AS (
  SELECT r.person_id, e.area,
         CAST(e.expected AS INTEGER) >
           CAST(coalesce(nullif(r.manager, ''), nullif(nullif(r.self, ''), '?')) AS INTEGER) AS need
  FROM ratings r
  JOIN roster p ON p.person_id = r.person_id
  JOIN expectations e ON e.role = p.role AND e.competence = r.competence
  WHERE r.shared IN ('yes', '')
    AND coalesce(nullif(r.manager, ''), nullif(nullif(r.self, ''), '?')) IS NOT NULL
),
person_area AS (
  SELECT person_id, area, max(need) AS need FROM effective GROUP BY person_id, area
),
ancestor (person_id, unit) AS (
  SELECT person_id, unit FROM roster
  UNION ALL
  -- the parent path: drop the last "/segment"
  SELECT person_id, rtrim(rtrim(unit, replace(unit, '/', '')), '/')
  FROM ancestor WHERE instr(unit, '/') > 0
)
SELECT a.unit, pa.area, count(*) AS people_with_level, sum(pa.need) AS people_with_need,
       round(100.0 * sum(pa.need) / count(*), 1) AS share
FROM ancestor a JOIN person_area pa ON pa.person_id = a.person_id
GROUP BY a.unit, pa.area
ORDER BY a.unit, pa.area;
