-- Summaries: <name>_summary aggregates, accessors <name>(summary) and
-- rollup(summary).  Rolled-up figures equal the direct aggregates over the
-- same rows bit for bit, for any split into groups, any order and window
-- frames; a summary that cannot answer is an error, never a wrong number.
SET extra_float_digits = 3;
SELECT det_setseed(1300);

-- 24 months x 6 sectors x 40 names: weights (NULLs, a few of extreme
-- magnitude), long/short weights, durations and spreads, values, caps and
-- earnings (losses too), returns against a benchmark and a market, and
-- portfolio and benchmark weights (NULL where a side does not hold a name);
-- month 25 has only NULL inputs
CREATE TABLE sm_rows AS
SELECT month, sector, name,
       CASE WHEN name % 17 = 0 THEN NULL
            WHEN name = 5 AND month = 7 THEN 1e200 * u1
            WHEN name = 6 AND month = 3 THEN 1e-200 * u1
            ELSE (u1 + 0.01) ^ -1.5 END AS w,
       (u2 - 0.4) * 100 AS ls,
       1 + 11 * u3 AS dur, 40 + 560 * u1 AS oas,
       CASE WHEN name % 13 = 0 THEN NULL ELSE (u2 - 0.3) * 50 END AS x,
       10 + 1000 * u3 AS cap, (u1 - 0.1) * 80 AS earn,
       (u2 - 0.5) * 0.2 AS r, (u3 - 0.5) * 0.15 AS b, (u1 - 0.5) * 0.1 AS mk,
       CASE WHEN name % 3 = 0 THEN NULL ELSE u2 END AS pw,
       CASE WHEN name % 5 = 0 THEN NULL ELSE u3 END AS bw,
       CASE WHEN name % 11 = 0 THEN NULL ELSE (u3 - 0.5) * 0.1 END AS rn
FROM (SELECT m AS month, s AS sector, k AS name,
             det_random() AS u1, det_random() AS u2, det_random() AS u3
      FROM generate_series(1, 24) m, generate_series(1, 6) s, generate_series(1, 40) k) AS g
UNION ALL
SELECT 25, 1, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL;

-- every figure directly from the rows, and the same figures read from a
-- summary: one column each, in one order
CREATE FUNCTION sm_direct(grp text) RETURNS TABLE (k int, figures text)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
SELECT %s, ROW(hhi(w), effective_n(w), hhi(ls, 'gross'), dts(w, dur, oas), weighted_mean(x, w),
       index_multiple(cap, earn), index_multiple(cap, earn, 1), compound_return(r),
       volatility(r), volatility(r, 12), tracking_error(r, b), tracking_error(r, b, 12),
       beta(r, mk), correlation(r, b), annualized_return(r, 12),
       top_share(w, 10), top_share(w, 3), share_above(w, 0.02), count_above(w, 0.02),
       share_above(w, 0.05), count_above(w, 0.05), active_share(pw, bw),
       top_contribution(w, r, 10), top_contribution(w, r, 3), names_to_match(w, 1), names_to_match(w, 5),
       share_above(w, 0.02, true), count_above(w, 0.02, true), count_above(w, 0.02),
       share_above(w, 0.05, true), count_above(w, 0.05, true), count_above(w, 0.0, true),
       compound_return(rn, 500))::text
FROM sm_rows GROUP BY 1$q$, grp);
END
$$;

-- the summaries of each month and sector, stored
CREATE TABLE sm_summ AS
SELECT month, sector,
       hhi_summary(w) AS hhi_s, hhi_summary(ls, 'gross') AS hhig_s, dts_summary(w, dur, oas) AS dts_s,
       weighted_mean_summary(x, w) AS wm_s, index_multiple_summary(cap, earn) AS pe_s,
       index_multiple_summary(cap, earn, 1) AS pe_ew_s, compound_return_summary(r) AS cr_s,
       volatility_summary(r) AS vol_s, volatility_summary(r, 12) AS vola_s,
       tracking_error_summary(r, b) AS te_s, tracking_error_summary(r, b, 12) AS tea_s,
       beta_summary(r, mk) AS beta_s, correlation_summary(r, b) AS corr_s,
       annualized_return_summary(r, 12) AS ann_s, top_share_summary(w, 10) AS top_s,
       share_above_summary(w, 0.02) AS above_s, active_share_summary(pw, bw) AS act_s,
       top_contribution_summary(w, r, 10) AS tc_s, names_to_match_summary(w, 1) AS ntm_s,
       share_above_summary(w, 0.02, true) AS abovei_s, compound_return_summary(rn, 500) AS crm_s
FROM sm_rows GROUP BY month, sector;

-- the figures read from one (rolled-up) summary row
CREATE FUNCTION sm_read(s sm_summ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT ROW(hhi(s.hhi_s), effective_n(s.hhi_s), hhi(s.hhig_s), dts(s.dts_s), weighted_mean(s.wm_s),
           index_multiple(s.pe_s), index_multiple(s.pe_ew_s), compound_return(s.cr_s),
           volatility(s.vol_s), volatility(s.vola_s), tracking_error(s.te_s), tracking_error(s.tea_s),
           beta(s.beta_s), correlation(s.corr_s), annualized_return(s.ann_s),
           top_share(s.top_s), top_share(s.top_s, 3), share_above(s.above_s), count_above(s.above_s),
           share_above(s.above_s, 0.05), count_above(s.above_s, 0.05), active_share(s.act_s),
           top_contribution(s.tc_s), top_contribution(s.tc_s, 3), names_to_match(s.ntm_s),
           names_to_match(s.ntm_s, 5), share_above(s.abovei_s), count_above(s.abovei_s),
           count_above(s.abovei_s, 0.02), share_above(s.above_s, 0.05, true),
           count_above(s.abovei_s, 0.05, true), count_above(s.above_s, 0.0, true),
           compound_return(s.crm_s))::text
$$;

-- summaries rolled up by a grouping (in the order of an ORDER BY inside rollup)
CREATE FUNCTION sm_rolled(grp text, ord text DEFAULT 'month, sector') RETURNS TABLE (k int, figures text)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
SELECT k, sm_read(ROW(NULL, NULL,
       rollup(hhi_s ORDER BY %2$s), rollup(hhig_s ORDER BY %2$s), rollup(dts_s ORDER BY %2$s),
       rollup(wm_s ORDER BY %2$s), rollup(pe_s ORDER BY %2$s), rollup(pe_ew_s ORDER BY %2$s),
       rollup(cr_s ORDER BY %2$s), rollup(vol_s ORDER BY %2$s), rollup(vola_s ORDER BY %2$s),
       rollup(te_s ORDER BY %2$s), rollup(tea_s ORDER BY %2$s), rollup(beta_s ORDER BY %2$s),
       rollup(corr_s ORDER BY %2$s), rollup(ann_s ORDER BY %2$s), rollup(top_s ORDER BY %2$s),
       rollup(above_s ORDER BY %2$s), rollup(act_s ORDER BY %2$s), rollup(tc_s ORDER BY %2$s),
       rollup(ntm_s ORDER BY %2$s), rollup(abovei_s ORDER BY %2$s), rollup(crm_s ORDER BY %2$s))::sm_summ)
FROM (SELECT %1$s AS k, * FROM sm_summ) AS s GROUP BY k$q$, grp, ord);
END
$$;

-- a month's figures, directly and rolled up from its sectors
SELECT k AS month, figures FROM sm_direct('month') WHERE k IN (1, 7, 25) ORDER BY 1;

-- the same bits for every grouping: by month (sectors rolled up), by sector
-- (months rolled up), everything, by quarter, and in other orders
CREATE FUNCTION sm_compare(grp text, ord text DEFAULT 'month, sector') RETURNS TABLE (groups bigint, identical bigint)
LANGUAGE sql AS $$
SELECT count(*), count(*) FILTER (WHERE d.figures = r.figures)
FROM sm_direct(grp) AS d FULL JOIN sm_rolled(grp, ord) AS r USING (k)
$$;
SELECT 'month' AS grouping, * FROM sm_compare('month')
UNION ALL SELECT 'sector', * FROM sm_compare('sector')
UNION ALL SELECT 'all', * FROM sm_compare('0')
UNION ALL SELECT 'quarter', * FROM sm_compare('(month - 1) / 3')
UNION ALL SELECT 'month, reversed', * FROM sm_compare('month', 'month DESC, sector DESC')
UNION ALL SELECT 'all, shuffled', * FROM sm_compare('0', 'md5(month::text || sector::text)')
UNION ALL SELECT 'sector, shuffled', * FROM sm_compare('sector', 'md5(sector::text || month::text)');

-- rollup of rollups: quarters rolled up from months rolled up from sectors
CREATE TABLE sm_month AS
SELECT month, 0 AS sector,
       rollup(hhi_s) AS hhi_s, rollup(hhig_s) AS hhig_s, rollup(dts_s) AS dts_s, rollup(wm_s) AS wm_s,
       rollup(pe_s) AS pe_s, rollup(pe_ew_s) AS pe_ew_s, rollup(cr_s) AS cr_s, rollup(vol_s) AS vol_s,
       rollup(vola_s) AS vola_s, rollup(te_s) AS te_s, rollup(tea_s) AS tea_s, rollup(beta_s) AS beta_s,
       rollup(corr_s) AS corr_s, rollup(ann_s) AS ann_s, rollup(top_s) AS top_s,
       rollup(above_s) AS above_s, rollup(act_s) AS act_s, rollup(tc_s) AS tc_s, rollup(ntm_s) AS ntm_s,
       rollup(abovei_s) AS abovei_s, rollup(crm_s) AS crm_s
FROM sm_summ GROUP BY month;
SELECT count(*) AS quarters, count(*) FILTER (WHERE d.figures = r.figures) AS identical
FROM sm_direct('(month - 1) / 3') AS d
JOIN (SELECT (month - 1) / 3 AS k,
             sm_read(ROW(NULL, NULL, rollup(hhi_s), rollup(hhig_s), rollup(dts_s), rollup(wm_s), rollup(pe_s),
                         rollup(pe_ew_s), rollup(cr_s), rollup(vol_s), rollup(vola_s), rollup(te_s),
                         rollup(tea_s), rollup(beta_s), rollup(corr_s), rollup(ann_s), rollup(top_s),
                         rollup(above_s), rollup(act_s), rollup(tc_s), rollup(ntm_s), rollup(abovei_s),
                         rollup(crm_s))::sm_summ) AS figures
      FROM sm_month GROUP BY 1) AS r USING (k);

-- window frames over the monthly summaries: a rolling 12 months (moving
-- for exactsum summaries; weightset summaries are merged again per frame),
-- a centred frame, and a running total, against the rows of the same months
CREATE FUNCTION sm_windows(frame text) RETURNS TABLE (months bigint, identical bigint)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
WITH w AS (
    SELECT month, min(month) OVER f AS first, max(month) OVER f AS last,
           sm_read(ROW(NULL, NULL,
               rollup(hhi_s) OVER f, rollup(hhig_s) OVER f, rollup(dts_s) OVER f, rollup(wm_s) OVER f,
               rollup(pe_s) OVER f, rollup(pe_ew_s) OVER f, rollup(cr_s) OVER f, rollup(vol_s) OVER f,
               rollup(vola_s) OVER f, rollup(te_s) OVER f, rollup(tea_s) OVER f, rollup(beta_s) OVER f,
               rollup(corr_s) OVER f, rollup(ann_s) OVER f, rollup(top_s) OVER f,
               rollup(above_s) OVER f, rollup(act_s) OVER f, rollup(tc_s) OVER f, rollup(ntm_s) OVER f,
               rollup(abovei_s) OVER f, rollup(crm_s) OVER f)::sm_summ) AS figures
    FROM sm_month WINDOW f AS (ORDER BY month %s)
)
SELECT count(*), count(*) FILTER (WHERE w.figures = d.figures)
FROM w, LATERAL (SELECT ROW(hhi(w), effective_n(w), hhi(ls, 'gross'), dts(w, dur, oas), weighted_mean(x, w),
       index_multiple(cap, earn), index_multiple(cap, earn, 1), compound_return(r),
       volatility(r), volatility(r, 12), tracking_error(r, b), tracking_error(r, b, 12),
       beta(r, mk), correlation(r, b), annualized_return(r, 12),
       top_share(w, 10), top_share(w, 3), share_above(w, 0.02), count_above(w, 0.02),
       share_above(w, 0.05), count_above(w, 0.05), active_share(pw, bw),
       top_contribution(w, r, 10), top_contribution(w, r, 3), names_to_match(w, 1), names_to_match(w, 5),
       share_above(w, 0.02, true), count_above(w, 0.02, true), count_above(w, 0.02),
       share_above(w, 0.05, true), count_above(w, 0.05, true), count_above(w, 0.0, true),
       compound_return(rn, 500))::text AS figures
       FROM sm_rows AS r WHERE r.month BETWEEN w.first AND w.last) AS d$q$, frame);
END
$$;
SELECT 'rolling 12' AS frame, * FROM sm_windows('ROWS 11 PRECEDING')
UNION ALL SELECT 'centred', * FROM sm_windows('ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING')
UNION ALL SELECT 'running', * FROM sm_windows('ROWS UNBOUNDED PRECEDING');
-- the rolling 12-month effective N of the index, from stored monthly summaries
SELECT * FROM (SELECT month, effective_n(rollup(hhi_s) OVER (ORDER BY month ROWS 11 PRECEDING)) AS effective_n_12m
               FROM sm_month) AS w
WHERE month IN (1, 12, 24, 25) ORDER BY month;

-- a summary aggregate is moving too: the same state as rollup of the rows
SELECT count(*) AS rows, count(*) FILTER (WHERE same_bits(a, b)) AS identical
FROM (SELECT hhi(hhi_summary(w) OVER f) AS a, hhi(w) OVER f AS b
      FROM sm_rows WHERE month = 2 WINDOW f AS (ORDER BY sector, name ROWS 9 PRECEDING)) AS s;

-- summaries of no rows, of NULL inputs only, and rollup of none are NULL
SELECT hhi_summary(w) IS NULL AS no_rows, top_share_summary(w, 3) IS NULL AS top_no_rows
FROM sm_rows WHERE false;
SELECT hhi_s IS NULL AS hhi, dts_s IS NULL AS dts, vol_s IS NULL AS vol, top_s IS NULL AS top,
       above_s IS NULL AS above, act_s IS NULL AS act
FROM sm_summ WHERE month = 25;
SELECT rollup(hhi_s) IS NULL AS no_rows FROM sm_summ WHERE false;
SELECT rollup(hhi_s) IS NULL AS null_summaries, rollup(top_s) IS NULL AS null_top FROM sm_summ WHERE month = 25;
SELECT hhi(NULL::exactsum) IS NULL AS strict_hhi, top_share(NULL::weightset, 3) IS NULL AS strict_top,
       top_share(top_share_summary(w, 3), NULL) IS NULL AS strict_n
FROM sm_rows WHERE month = 1;
-- one row, and weights that sum to zero: the direct aggregate's NULL
SELECT hhi(hhi_summary(x)) AS one_row, top_share(top_share_summary(x, 2)) AS top_one_row
FROM (VALUES (4.0::float8)) AS v(x);
SELECT hhi(hhi_summary(x)) IS NULL AS zero_total, top_share(top_share_summary(x, 2)) IS NULL AS top_zero_total
FROM (VALUES (0.0::float8), (0.0)) AS v(x);

-- the text form holds only what is in use and reads back to the same value
-- of the same size in memory; share_above keeps fewer than 1 / threshold
-- weights
SELECT hhi_s AS hhi, top_s AS top_share, act_s IS NOT NULL AS active
FROM sm_summ WHERE month = 1 AND sector = 1;
SELECT above_s FROM sm_summ WHERE month = 1 AND sector = 2;
SELECT count(*) AS summaries,
       count(*) FILTER (WHERE hs::text::exactsum::text = hs::text
                          AND pg_column_size(hs::text::exactsum) = pg_column_size(hs)
                          AND cs::text::exactsum::text = cs::text
                          AND pg_column_size(cs::text::exactsum) = pg_column_size(cs)) AS exactsum_same,
       count(*) FILTER (WHERE ts::text::weightset::text = ts::text
                          AND pg_column_size(ts::text::weightset) = pg_column_size(ts)
                          AND sas::text::weightset::text = sas::text
                          AND pg_column_size(sas::text::weightset) = pg_column_size(sas)
                          AND acs::text::weightset::text = acs::text
                          AND pg_column_size(acs::text::weightset) = pg_column_size(acs)) AS weightset_same,
       max(array_length(string_to_array(split_part(sas::text, ';', 6), ','), 1)) < 50 AS above_pruned
FROM (SELECT hhi_summary(w) AS hs, correlation_summary(r, b) AS cs, top_share_summary(w, 10) AS ts,
             share_above_summary(w, 0.02) AS sas, active_share_summary(pw, bw) AS acs
      FROM sm_rows WHERE month <= 24 GROUP BY month, sector) AS s;

-- accessors and aggregates of one name: resolved by the argument's type
SELECT hhi(0.5) AS numeric_literal_is_a_weight, hhi('0.5'::float8) AS typed,
       hhi(hhi_summary(w)) = hhi(w) AS summary_read
FROM (VALUES (1.0::float8), (1.0)) AS v(w);
SELECT expect_error($$SELECT hhi('0.5')$$);
SELECT expect_error($$SELECT hhi(NULL)$$);
SELECT expect_error($$SELECT hhi(top_share_summary(1, 3))$$);
SELECT hhi('1;hhi;net;2;1.0.1.00000002;1.0.1.00000002'::exactsum) AS typed_text;
-- a plain function per row, not an aggregate: one figure per stored summary
SELECT sector, effective_n(hhi_s) = (SELECT effective_n(w) FROM sm_rows r WHERE r.month = 1 AND r.sector = s.sector) AS per_row
FROM sm_summ AS s WHERE month = 1 ORDER BY sector;

-- a summary of another kind is refused by name
SELECT expect_error($$SELECT hhi(dts_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT effective_n(vol_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT volatility(te_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT top_share(above_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT share_above(top_s, 0.5) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT count_above(act_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT active_share(top_s) FROM sm_summ LIMIT 1$$);
-- a summary that cannot answer: more names than it keeps, a lower threshold
SELECT expect_error($$SELECT top_share(top_s, 11) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT top_share(top_s, 0) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT share_above(above_s, 0.019) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT count_above(rollup(above_s), 0.01) FROM sm_summ$$);
SELECT expect_error($$SELECT share_above(above_s, 1) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT share_above(above_s, 'NaN') FROM sm_summ LIMIT 1$$);
-- what it keeps answers: fewer names, a higher threshold, the same ones
SELECT top_share(top_s, 10) = top_share(top_s) AS top_n_kept, top_share(top_s, 1) AS top_1,
       count_above(above_s, 0.02) = count_above(above_s) AS at_threshold,
       count_above(above_s, 0.999) AS near_one
FROM sm_summ WHERE month = 1 AND sector = 1;
-- rollup merges summaries of one kind, mode and parameter
SELECT expect_error($$SELECT rollup(s) FROM (SELECT hhi_s FROM sm_summ UNION ALL SELECT dts_s FROM sm_summ) AS u(s)$$);
SELECT expect_error($$SELECT rollup(s) FROM (SELECT hhi_s FROM sm_summ UNION ALL SELECT hhig_s FROM sm_summ) AS u(s)$$);
SELECT expect_error($$SELECT rollup(s) FROM (SELECT top_s FROM sm_summ UNION ALL SELECT above_s FROM sm_summ) AS u(s)$$);
SELECT expect_error($$SELECT rollup(s) FROM (SELECT top_s FROM sm_summ UNION ALL SELECT top_share_summary(w, 5) FROM sm_rows) AS u(s)$$);
-- summaries of monthly and daily returns merge (the sums are exact), and the
-- accessor refuses them as volatility refuses such rows
SELECT expect_error($$SELECT rollup(s) FROM (SELECT vola_s FROM sm_summ UNION ALL SELECT volatility_summary(r, 252) FROM sm_rows) AS u(s)$$);
SELECT expect_error($$SELECT volatility(rollup(s)) FROM (SELECT vola_s FROM sm_summ UNION ALL SELECT volatility_summary(r, 252) FROM sm_rows) AS u(s)$$);
-- errors of the rows name the summary aggregate the user wrote
SELECT expect_error($$SELECT hhi_summary(w) FROM (VALUES (-1.0::float8)) AS v(w)$$);
SELECT expect_error($$SELECT top_share_summary(w, 0) FROM (VALUES (1.0::float8)) AS v(w)$$);

-- forged summaries fail: text whose sums contradict its row count, weights
-- out of heap order or above the total, a share_above weight the cut drops
SELECT expect_error($$SELECT '1;hhi;net;1;1.0.1.00000002;1.0.1.00000002'::exactsum$$);
SELECT expect_error($$SELECT hhi('1;hhi;net;3;1.0.1.00000002;1.0.1.00000005'::exactsum)$$);
SELECT expect_error($$SELECT top_share('1;top;2;3;1.0.1.00000003;2,2'::weightset)$$);
SELECT expect_error($$SELECT rollup(s) FROM (VALUES ('1;top;2;2;1.0.1.00000003;1,1'::weightset)) AS v(s)$$);
SELECT expect_error($$SELECT share_above('1;above;0.4;2;1.0.1.00000003;1'::weightset)$$);
SELECT expect_error($$SELECT rollup(s) FROM (VALUES ('1;hhi;net;2;1.0.1.00000002;1.0.1.00000002'::exactsum), ('1;hhi;net;1;1.0.1.00000002;1.0.1.00000002')) AS v(s)$$);
-- the inverse transition function checks what it is given
SELECT expect_error($$SELECT _exactsum_rollup_inv((SELECT hhi_s FROM sm_summ WHERE month = 1 AND sector = 1), rollup(hhi_s)) FROM sm_summ WHERE month = 1$$);
SELECT expect_error($$SELECT _exactsum_rollup_inv(rollup(hhi_s), (SELECT dts_s FROM sm_summ WHERE month = 1 AND sector = 1)) FROM sm_summ$$);
SELECT hhi(_exactsum_rollup_inv(rollup(hhi_s), (SELECT hhi_s FROM sm_summ WHERE month = 1 AND sector = 1)))
       = (SELECT hhi(w) FROM sm_rows WHERE month = 1 AND sector > 1) AS subtracted
FROM sm_summ WHERE month = 1;

-- The market-history summaries
-- compound_return_summary(r, min_periods) is moving too, and min_periods
-- counts the non-NULL returns of all the rows rolled up: a (month, sector)
-- summary holds 37 of them and a month 222, both fewer than 500; a quarter
-- holds 666
SELECT count(*) AS rows, count(*) FILTER (WHERE same_bits(a, b) OR (a IS NULL AND b IS NULL)) AS identical,
       count(*) FILTER (WHERE a IS NULL) AS nulls
FROM (SELECT compound_return(compound_return_summary(rn, 5) OVER f) AS a, compound_return(rn, 5) OVER f AS b
      FROM sm_rows WHERE month = 2 WINDOW f AS (ORDER BY sector, name ROWS 6 PRECEDING)) AS s;
SELECT count(*) FILTER (WHERE compound_return(crm_s) IS NULL) AS summaries_null, count(*) AS summaries
FROM sm_summ WHERE month <= 24;
SELECT (month - 1) / 3 AS quarter, compound_return(rollup(crm_s)) IS NOT NULL AS answered,
       same_bits(compound_return(rollup(crm_s)), compound_return(rollup(cr_s) FILTER (WHERE false))) AS unused
FROM sm_summ WHERE month IN (1, 2, 3) GROUP BY 1;
-- summaries of another min_periods merge (the sums are exact) and the
-- accessor refuses them as compound_return(r, min_periods) refuses such rows
SELECT expect_error($$SELECT compound_return(rollup(s)) FROM (SELECT crm_s FROM sm_summ UNION ALL SELECT compound_return_summary(rn, 6) FROM sm_rows) AS u(s)$$);
SELECT expect_error($$SELECT rollup(s) FROM (SELECT crm_s FROM sm_summ UNION ALL SELECT cr_s FROM sm_summ) AS u(s)$$);
SELECT expect_error($$SELECT compound_return_summary(rn, 0) FROM sm_rows$$);
-- compound_return(summary) reads both kinds; others refuse them by name
SELECT expect_error($$SELECT volatility(crm_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT compound_return(hhi_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT top_share(tc_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT top_contribution(ntm_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT names_to_match(top_s) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT share_above(ntm_s, 0.1, true) FROM sm_summ LIMIT 1$$);

-- top_contribution(summary, m): m up to the n it keeps; ties in weight
-- are ordered by return, so the top m of the summary is that of the rows
SELECT expect_error($$SELECT top_contribution(tc_s, 11) FROM sm_summ LIMIT 1$$);
SELECT expect_error($$SELECT top_contribution(rollup(tc_s), 0) FROM sm_summ$$);
SELECT expect_error($$SELECT rollup(s) FROM (SELECT tc_s FROM sm_summ UNION ALL SELECT top_contribution_summary(w, r, 5) FROM sm_rows) AS u(s)$$);
CREATE TABLE sm_ties (part int, w float8, r float8);
INSERT INTO sm_ties VALUES (1, 1, 0.1), (2, 1, 0.3), (3, 1, 0.2), (1, 0.5, 1), (2, 1, -0.4), (3, 2, NULL), (1, NULL, 5);
SELECT m, top_contribution(w, r, m) AS direct,
       (SELECT top_contribution(rollup(s), m) FROM (SELECT top_contribution_summary(w, r, 4) AS s FROM sm_ties GROUP BY part) AS p) AS rolled
FROM sm_ties, generate_series(1, 4) AS m GROUP BY m ORDER BY m;
SELECT top_contribution_summary(w, r, 2) AS tc FROM sm_ties;
-- names_to_match(summary, n): the summary keeps every weight, so any n
SELECT n, names_to_match(w, n) AS direct,
       (SELECT names_to_match(rollup(s), n) FROM (SELECT names_to_match_summary(w, 1) AS s FROM sm_rows WHERE month = 3 GROUP BY sector) AS p) AS rolled
FROM sm_rows, (VALUES (1), (2), (10), (38), (300)) AS v(n) WHERE month = 3 GROUP BY n ORDER BY n;
SELECT expect_error($$SELECT names_to_match(ntm_s, 0) FROM sm_summ LIMIT 1$$);
SELECT names_to_match_summary(w, 2) AS ntm FROM (VALUES (3.0::float8), (1), (NULL), (1), (0.5)) AS v(w);

-- share_above summaries at a threshold a share meets exactly: 1/4 of 4.
-- A strict summary at t answers "above t'" for t' >= t and "at or above
-- t'" for t' > t; an inclusive one also "at or above t"; "at or above 0"
-- is every name, which any summary answers; every other question is an error
CREATE TABLE sm_at (part int, w float8);
INSERT INTO sm_at VALUES (1, 1), (2, 1), (1, 2), (2, 0), (1, NULL);
CREATE TABLE sm_at_s AS
SELECT incl, rollup(s) AS s
FROM (SELECT incl, share_above_summary(w, 0.25, incl) AS s FROM sm_at, (VALUES (false), (true)) AS v(incl) GROUP BY incl, part) AS p
GROUP BY incl;
CREATE FUNCTION sm_at_answer(incl bool, t float8, q bool) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    a text;
BEGIN
    SELECT format('%s %s', count_above(s, t, q), share_above(s, t, q)) INTO a FROM sm_at_s WHERE sm_at_s.incl = sm_at_answer.incl;
    RETURN a;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN 'refused';
END
$$;
SELECT CASE WHEN v.incl THEN 'inclusive' ELSE 'strict' END AS summary, t, q AS asked_inclusive,
       sm_at_answer(v.incl, t, q) AS answer,
       (SELECT format('%s %s', count_above(w, t, q), share_above(w, t, q)) FROM sm_at) AS direct
FROM (VALUES (false), (true)) AS v(incl),
     (VALUES (0.0::float8), (0.2), (0.25), (0.25000000000000006), (0.5)) AS x(t), (VALUES (false), (true)) AS y(q)
ORDER BY v.incl, t, q;
SELECT count_above(s) AS own, share_above(s) AS own_share FROM sm_at_s ORDER BY incl;
SELECT expect_error($$SELECT count_above(s, 0.2, true) FROM sm_at_s WHERE NOT incl$$);
SELECT expect_error($$SELECT count_above(s, 0.25, true) FROM sm_at_s WHERE NOT incl$$);
SELECT expect_error($$SELECT share_above(s, 'NaN', true) FROM sm_at_s WHERE incl$$);
SELECT expect_error($$SELECT share_above(s, 1, true) FROM sm_at_s WHERE incl$$);
SELECT expect_error($$SELECT rollup(s) FROM sm_at_s$$);
SELECT expect_error($$SELECT share_above_summary(w, 0.25, NULL) FROM sm_at$$);
SELECT s FROM sm_at_s ORDER BY incl;

-- text forms compact and round-tripping, the same size in memory (made
-- afresh: a stored row of many summaries is compressed)
SELECT count(*) AS summaries,
       count(*) FILTER (WHERE tc::text::weightset::text = tc::text AND pg_column_size(tc::text::weightset) = pg_column_size(tc)
                          AND ntm::text::weightset::text = ntm::text AND pg_column_size(ntm::text::weightset) = pg_column_size(ntm)
                          AND abi::text::weightset::text = abi::text AND pg_column_size(abi::text::weightset) = pg_column_size(abi)
                          AND crm::text::exactsum::text = crm::text AND pg_column_size(crm::text::exactsum) = pg_column_size(crm)) AS same,
       count(*) FILTER (WHERE same_bits(top_contribution(tc::text::weightset, 3), top_contribution(tc, 3))
                          AND names_to_match(ntm::text::weightset, 4) IS NOT DISTINCT FROM names_to_match(ntm, 4)) AS read_same
FROM (SELECT top_contribution_summary(w, r, 10) AS tc, names_to_match_summary(w, 1) AS ntm,
             share_above_summary(w, 0.02, true) AS abi, compound_return_summary(rn, 500) AS crm
      FROM sm_rows WHERE month <= 24 GROUP BY month, sector) AS s;
SELECT crm_s FROM sm_summ WHERE month = 1 AND sector = 1;

-- forged summaries fail: a negative weight, fewer pairs than rows and n,
-- a weight that is not finite, min_periods that differ between rows or are 0
SELECT expect_error($$SELECT top_contribution('1;contrib;2;2;1.0.1.00000003;3:1,-1:0'::weightset)$$);
SELECT expect_error($$SELECT top_contribution('1;contrib;2;3;1.0.1.00000003;1:1'::weightset, 1)$$);
-- a summary that kept every row holds all of Σw·r: a total that is not the
-- sum of its pairs' products is refused (the genuine one reads back)
SELECT top_contribution('1;contrib;3;3;1.-4.3.000000333333333333340000;0.5:0.1,0.3:-0.2,0.2:0.05'::weightset) AS genuine;
SELECT expect_error($$SELECT top_contribution('1;contrib;3;3;1.-4.3.000000333333333333340000;0.5:0.1,0.3:-0.2,0.2:0.06'::weightset)$$);
SELECT expect_error($$SELECT rollup(s) FROM (VALUES ('1;contrib;1;1;1.0.1.00000003;1:2'::weightset)) AS v(s)$$);
SELECT expect_error($$SELECT names_to_match('1;match;1;3,-1'::weightset)$$);
SELECT expect_error($$SELECT rollup(s) FROM (VALUES ('1;match;1;3,Infinity'::weightset)) AS v(s)$$);
SELECT expect_error($$SELECT compound_return('1;compoundmin;log;2;0;0;1.0.1.00000004;1.0.1.00000009'::exactsum)$$);
SELECT expect_error($$SELECT rollup(s) FROM (VALUES ('1;compoundmin;log;2;0;0;0;0'::exactsum)) AS v(s)$$);

DROP FUNCTION sm_windows(text);
DROP FUNCTION sm_compare(text, text);
DROP FUNCTION sm_rolled(text, text);
DROP FUNCTION sm_read(sm_summ);
DROP FUNCTION sm_direct(text);
DROP FUNCTION sm_at_answer(bool, float8, bool);
DROP TABLE sm_month, sm_summ, sm_rows, sm_ties, sm_at, sm_at_s;
