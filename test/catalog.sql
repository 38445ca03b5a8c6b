-- The catalog contract of tactalloc (SPEC.md sections 2 and 3), with pgTAP.
\set ON_ERROR_STOP 1
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS tactalloc;
RESET client_min_messages;

BEGIN;

-- The user-facing functions and aggregates: name, argument types, result,
-- kind (f function, a aggregate, w window), volatility, strictness.
CREATE TEMP TABLE contract (name text, args text[], returns text, kind "char", vol "char", strict bool);
INSERT INTO contract VALUES
  ('hhi',             '{double precision}',                                     'double precision', 'a', 'i', false),
  ('hhi',             '{double precision,text}',                                'double precision', 'a', 'i', false),
  ('effective_n',     '{double precision}',                                     'double precision', 'a', 'i', false),
  ('effective_n',     '{double precision,text}',                                'double precision', 'a', 'i', false),
  ('regime_classify', '{double precision,double precision,double precision}',   'macro_regime',     'f', 'i', true),
  ('dts',             '{double precision,double precision}',                    'double precision', 'f', 'i', true),
  ('dts',             '{double precision,double precision,double precision}',   'double precision', 'a', 'i', false),
  -- macro regime over time, liquidity, spread shocks, size segments
  ('regime_track',     '{double precision,double precision}',                           'macro_regime',     'a', 'i', false),
  ('regime_track',     '{double precision,double precision,integer}',                   'macro_regime',     'a', 'i', false),
  ('regime_track',     '{double precision,double precision,integer,double precision}',  'macro_regime',     'a', 'i', false),
  ('regime_shifts',    '{macro_regime}',                                                'bigint',           'a', 'i', false),
  ('oecd_phase',       '{double precision,double precision,double precision}',          'oecd_phase',       'f', 'i', true),
  ('regime_tilts',     '{macro_regime}',                                                'setof record',     'f', 's', true),
  ('growth_inflation_tilts', '{growth_inflation}',                                      'setof record',     'f', 's', true),
  ('distribute_playbooks', '{}',                                                        'setof regclass',   'f', 'v', false),
  ('liquidity_stance', '{double precision,double precision}',                           'liquidity_stance', 'f', 'i', true),
  ('spread_return',    '{double precision,double precision}',                           'double precision', 'f', 'i', true),
  ('size_segment',     '{double precision,integer,integer[],double precision}',         'integer',          'w', 'i', false),
  -- concentration toolkit, valuation and returns
  ('top_share',       '{double precision,integer}',                             'double precision', 'a', 'i', false),
  ('share_above',     '{double precision,double precision}',                    'double precision', 'a', 'i', false),
  ('count_above',     '{double precision,double precision}',                    'bigint',           'a', 'i', false),
  ('active_share',    '{double precision,double precision}',                    'double precision', 'a', 'i', false),
  ('weighted_mean',   '{double precision,double precision}',                    'double precision', 'a', 'i', false),
  ('index_multiple',  '{double precision,double precision}',                    'double precision', 'a', 'i', false),
  ('index_multiple',  '{double precision,double precision,double precision}',   'double precision', 'a', 'i', false),
  ('parity_upside',   '{double precision,double precision}',                    'double precision', 'f', 'i', true),
  ('compound_return', '{double precision}',                                     'double precision', 'a', 'i', false),
  ('longest_streak',  '{boolean}',                                              'bigint',           'a', 'i', false),
  ('current_streak',  '{boolean}',                                              'bigint',           'a', 'i', false),
  -- summaries: <name>_summary aggregates, accessors <name>(summary), rollup
  ('hhi_summary',              '{double precision}',                            'exactsum',  'a', 'i', false),
  ('hhi_summary',              '{double precision,text}',                       'exactsum',  'a', 'i', false),
  ('dts_summary',              '{double precision,double precision,double precision}', 'exactsum', 'a', 'i', false),
  ('weighted_mean_summary',    '{double precision,double precision}',           'exactsum',  'a', 'i', false),
  ('index_multiple_summary',   '{double precision,double precision}',           'exactsum',  'a', 'i', false),
  ('index_multiple_summary',   '{double precision,double precision,double precision}', 'exactsum', 'a', 'i', false),
  ('compound_return_summary',  '{double precision}',                            'exactsum',  'a', 'i', false),
  ('volatility_summary',       '{double precision}',                            'exactsum',  'a', 'i', false),
  ('volatility_summary',       '{double precision,double precision}',           'exactsum',  'a', 'i', false),
  ('tracking_error_summary',   '{double precision,double precision}',           'exactsum',  'a', 'i', false),
  ('tracking_error_summary',   '{double precision,double precision,double precision}', 'exactsum', 'a', 'i', false),
  ('beta_summary',             '{double precision,double precision}',           'exactsum',  'a', 'i', false),
  ('correlation_summary',      '{double precision,double precision}',           'exactsum',  'a', 'i', false),
  ('annualized_return_summary', '{double precision,double precision}',          'exactsum',  'a', 'i', false),
  ('top_share_summary',        '{double precision,integer}',                    'weightset', 'a', 'i', false),
  ('share_above_summary',      '{double precision,double precision}',           'weightset', 'a', 'i', false),
  ('active_share_summary',     '{double precision,double precision}',           'weightset', 'a', 'i', false),
  ('compound_return_summary',  '{double precision,integer}',                    'exactsum',  'a', 'i', false),
  ('share_above_summary',      '{double precision,double precision,boolean}',   'weightset', 'a', 'i', false),
  ('top_contribution_summary', '{double precision,double precision,integer}',   'weightset', 'a', 'i', false),
  ('names_to_match_summary',   '{double precision,integer}',                    'weightset', 'a', 'i', false),
  ('rollup',                   '{exactsum}',                                    'exactsum',  'a', 'i', false),
  ('rollup',                   '{weightset}',                                   'weightset', 'a', 'i', false),
  ('hhi',                      '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('effective_n',              '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('dts',                      '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('weighted_mean',            '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('index_multiple',           '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('compound_return',          '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('volatility',               '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('tracking_error',           '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('beta',                     '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('correlation',              '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('annualized_return',        '{exactsum}',                                    'double precision', 'f', 'i', true),
  ('top_share',                '{weightset}',                                   'double precision', 'f', 'i', true),
  ('top_share',                '{weightset,integer}',                           'double precision', 'f', 'i', true),
  ('share_above',              '{weightset}',                                   'double precision', 'f', 'i', true),
  ('share_above',              '{weightset,double precision}',                  'double precision', 'f', 'i', true),
  ('count_above',              '{weightset}',                                   'bigint',           'f', 'i', true),
  ('count_above',              '{weightset,double precision}',                  'bigint',           'f', 'i', true),
  ('active_share',             '{weightset}',                                   'double precision', 'f', 'i', true),
  ('share_above',              '{weightset,double precision,boolean}',          'double precision', 'f', 'i', true),
  ('count_above',              '{weightset,double precision,boolean}',          'bigint',           'f', 'i', true),
  ('top_contribution',         '{weightset}',                                   'double precision', 'f', 'i', true),
  ('top_contribution',         '{weightset,integer}',                           'double precision', 'f', 'i', true),
  ('names_to_match',           '{weightset}',                                   'bigint',           'f', 'i', true),
  ('names_to_match',           '{weightset,integer}',                           'bigint',           'f', 'i', true),
  -- market history: drawdowns, min_periods, who drove the return, the latest reading against its past
  ('compound_return',  '{double precision,integer}',                            'double precision', 'a', 'i', false),
  ('max_drawdown',     '{double precision}',                                    'double precision', 'a', 'i', false),
  ('max_drawdown',     '{double precision,integer}',                            'double precision', 'a', 'i', false),
  ('current_drawdown', '{double precision}',                                    'double precision', 'a', 'i', false),
  ('current_drawdown', '{double precision,integer}',                            'double precision', 'a', 'i', false),
  ('top_contribution', '{double precision,double precision,integer}',           'double precision', 'a', 'i', false),
  ('names_to_match',   '{double precision,integer}',                            'bigint',           'a', 'i', false),
  ('share_above',      '{double precision,double precision,boolean}',           'double precision', 'a', 'i', false),
  ('count_above',      '{double precision,double precision,boolean}',           'bigint',           'a', 'i', false),
  ('history_percentile',   '{double precision}',                                'double precision', 'w', 'i', false),
  ('history_zscore',       '{double precision}',                                'double precision', 'w', 'i', false),
  ('periods_since_higher', '{double precision}',                                'bigint',           'w', 'i', false);

SELECT plan((SELECT count(*)::int * 5 FROM contract) + 14 + 12 + 5 + 3 + 4 + 2);

-- every function in the contract, as SPEC.md says
SELECT has_function(name, args, format('%s(%s) exists', name, array_to_string(args, ', '))) FROM contract;
SELECT function_returns(name, args, returns, format('%s(%s) returns %s', name, array_to_string(args, ', '), returns)) FROM contract;
SELECT CASE kind WHEN 'a' THEN is_aggregate(name, args, format('%s(%s) is an aggregate', name, array_to_string(args, ', ')))
                 ELSE isnt_aggregate(name, args, format('%s(%s) is a plain function', name, array_to_string(args, ', '))) END
FROM contract;
SELECT volatility_is(name, args, CASE vol WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
                     format('%s(%s) volatility', name, array_to_string(args, ', ')))
FROM contract;
SELECT CASE WHEN strict THEN is_strict(name, args, format('%s(%s) is strict', name, array_to_string(args, ', ')))
            ELSE isnt_strict(name, args, format('%s(%s) is not strict', name, array_to_string(args, ', '))) END
FROM contract;

-- regime_classify's trend defaults to 100
SELECT is((SELECT pg_get_function_arguments('regime_classify(float8, float8, float8)'::regprocedure)),
          'level double precision, change double precision, trend double precision DEFAULT 100',
          'regime_classify(level, change, trend DEFAULT 100)');

-- the macro_regime enum, in cycle order
SELECT enum_has_labels('macro_regime', ARRAY['recovery', 'expansion', 'slowdown', 'contraction'],
                       'macro_regime has the four regimes in cycle order');

-- the members of the extension, generically
CREATE TEMP VIEW members AS
SELECT d.classid, d.objid, c.relname AS catalog, pg_describe_object(d.classid, d.objid, 0) AS member
FROM pg_depend d JOIN pg_class c ON c.oid = d.classid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tactalloc')
  -- PostgreSQL 17 and later also record array and row types, which come with
  -- their type or table (and carry no comment of their own)
  AND NOT EXISTS (SELECT FROM pg_type t
                  WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
                    AND (t.typrelid <> 0 OR (t.typelem <> 0 AND t.typlen = -1)));
CREATE TEMP VIEW member_procs AS
SELECT p.* FROM pg_proc p JOIN members m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid;

SELECT is_empty($$SELECT member FROM members WHERE obj_description(objid, catalog) IS NULL$$,
                'every object of the extension has a comment');
-- functions users do not call (aggregate support, type I/O, trigger
-- functions) are named _<name> and commented 'Internal: ...'; no other is
CREATE TEMP VIEW internal_procs AS
SELECT p.oid FROM member_procs p
WHERE p.prorettype = 'trigger'::regtype
   OR EXISTS (SELECT FROM pg_aggregate a WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
              a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn, a.aggserialfn, a.aggdeserialfn))
   OR EXISTS (SELECT FROM pg_type t WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend));
SELECT is_empty($$SELECT oid::regprocedure::text FROM internal_procs i JOIN pg_proc p USING (oid)
                  WHERE p.proname !~ '^_'$$,
                'every internal function is named with a leading underscore');
SELECT is_empty($$SELECT oid::regprocedure::text FROM member_procs p
                  WHERE p.proname ~ '^_' AND p.oid NOT IN (SELECT oid FROM internal_procs)$$,
                'only internal functions are named with a leading underscore');
SELECT is_empty($$SELECT oid::regprocedure::text FROM member_procs p
                  WHERE (p.proname ~ '^_') <> (obj_description(p.oid, 'pg_proc') ~ '^Internal: ')$$,
                'exactly the functions named with a leading underscore are commented Internal:');
-- trigger functions (regime_playbook's bookkeeping) write to tables: they
-- are neither PARALLEL SAFE nor IMMUTABLE; functions that read a table
-- (regime_tilts, growth_inflation_tilts) are STABLE, as the contract above
-- says; distribute_playbooks (the Citus step) changes tables, VOLATILE
SELECT is_empty($$SELECT oid::regprocedure::text FROM member_procs WHERE proparallel <> 's'
                  AND prorettype <> 'trigger'::regtype AND oid <> 'distribute_playbooks()'::regprocedure$$,
                'every function and aggregate is PARALLEL SAFE (trigger functions and distribute_playbooks excepted)');
SELECT is_empty($$SELECT oid::regprocedure::text FROM member_procs p WHERE prokind = 'f' AND provolatile <> 'i'
                  AND prorettype <> 'trigger'::regtype
                  AND NOT EXISTS (SELECT FROM contract c WHERE c.vol = p.provolatile
                                  AND p.oid = to_regprocedure(format('%s(%s)', c.name, array_to_string(c.args, ','))))$$,
                'every plain function is IMMUTABLE, except the STABLE ones of the contract and trigger functions');
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  WHERE a.aggcombinefn = 0$$,
                'every aggregate has a combine function');
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  JOIN pg_type t ON t.oid = a.aggtranstype WHERE t.typtype = 'p'$$,
                'no aggregate has a pseudo-type (internal) state');
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  WHERE a.aggkind = 'n' AND a.aggfinalfn = 0$$,
                'every normal aggregate has a final function (NULL for no rows)');
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  WHERE a.aggtransfn <> 0 AND (SELECT proparallel FROM pg_proc WHERE oid = a.aggcombinefn) <> 's'$$,
                'every combine function is PARALLEL SAFE');
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  JOIN pg_type t ON t.oid = a.aggtranstype
                  WHERE t.typname = 'exactsum' AND a.aggcombinefn <> '_exactsum_combine'::regproc$$,
                'every exactsum aggregate combines with _exactsum_combine');
SELECT ok((SELECT count(*) FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid) >= 5,
          'the aggregates are members of the extension');
SELECT has_type('exactsum', 'the exactsum state type exists');
SELECT is((SELECT typsend <> 0 AND typreceive <> 0 FROM pg_type WHERE typname = 'exactsum'), true,
          'exactsum has binary send and receive functions');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'tactalloc'), true,
          'the extension is relocatable');

-- macro regime over time, playbook, segments -------------------------------
SELECT enum_has_labels('oecd_phase', ARRAY['recovery', 'expansion', 'downturn', 'slowdown'],
                       'oecd_phase has the OECD names in the cycle order of macro_regime');
SELECT enum_has_labels('liquidity_stance', ARRAY['easing', 'tightening', 'mixed', 'neutral'],
                       'liquidity_stance has the four stances');
SELECT is((SELECT pg_get_function_arguments('oecd_phase(float8, float8, float8)'::regprocedure)),
          'level double precision, change double precision, trend double precision DEFAULT 100',
          'oecd_phase(level, change, trend DEFAULT 100)');
SELECT is((SELECT pg_get_function_arguments('size_segment(float8, integer, integer[], float8)'::regprocedure)),
          'market_cap double precision, prior_segment integer DEFAULT NULL::integer, breakpoints integer[] DEFAULT ''{1000,3000}''::integer[], band double precision DEFAULT 0.05',
          'size_segment(market_cap, prior_segment DEFAULT NULL, breakpoints DEFAULT {1000,3000}, band DEFAULT 0.05)');
SELECT is((SELECT pg_get_function_result('regime_tilts(macro_regime)'::regprocedure)),
          'TABLE(asset text, tilt text, note text)', 'regime_tilts returns (asset, tilt, note)');
SELECT is((SELECT array_agg(DISTINCT a.aggcombinefn::text) || count(*)::text FROM pg_aggregate a
           JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.proname = 'regime_track'),
          '{_regime_track_combine,3}', 'the three regime_track overloads combine with _regime_track_combine');
SELECT is((SELECT array_agg(DISTINCT format('%s/%s', a.aggtranstype::regtype, a.aggfinalmodify)) FROM pg_aggregate a
           JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.proname = 'regime_track'),
          '{"double precision[]/r"}', 'regime_track''s state is a float8[] its final function only reads');
SELECT is((SELECT format('%s/%s/%s', a.aggtranstype::regtype, a.aggcombinefn, a.agginitval) FROM pg_aggregate a
           WHERE a.aggfnoid = 'regime_shifts(macro_regime)'::regprocedure),
          'bigint[]/_regime_shifts_combine/{-1,-1,0}', 'regime_shifts: bigint[] state {first, last, shifts}');
SELECT has_pk('regime_playbook', 'regime_playbook has a primary key');
SELECT columns_are('regime_playbook', ARRAY['regime', 'asset', 'tilt', 'note', 'shipped'],
                   'regime_playbook(regime, asset, tilt, note, shipped)');
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_extension e, unnest(e.extconfig) AS x(reloid)
           JOIN pg_class c ON c.oid = x.reloid WHERE e.extname = 'tactalloc'),
          '{growth_inflation_playbook,growth_inflation_playbook_removed,regime_playbook,regime_playbook_removed}',
          'the playbook tables are dumped by pg_dump');
SELECT ok((SELECT count(*) FROM regime_playbook WHERE shipped) = 23, 'the playbook ships 23 rows');

-- the weightset state type and the streak aggregates' combine function
SELECT has_type('weightset', 'the weightset state type exists');
SELECT is((SELECT typsend <> 0 AND typreceive <> 0 FROM pg_type WHERE typname = 'weightset'), true,
          'weightset has binary send and receive functions');
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  JOIN pg_type t ON t.oid = a.aggtranstype
                  WHERE t.typname = 'weightset' AND a.aggcombinefn <> '_weightset_combine'::regproc$$,
                'every weightset aggregate combines with _weightset_combine');
SELECT set_eq($$SELECT a.aggfnoid::regproc::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
               WHERE a.aggcombinefn = '_streak_combine'::regproc$$,
              ARRAY['longest_streak', 'current_streak'],
              'the streak aggregates combine with _streak_combine');
SELECT is((SELECT pg_get_function_arguments('parity_upside(float8, float8)'::regprocedure)),
          'multiple double precision, reference double precision',
          'parity_upside(multiple, reference)');

-- summaries: every summary aggregate shares its aggregate's transition and
-- combine functions and returns its state compacted; rollup(exactsum) is
-- moving, rollup(weightset) is not (see the reference)
SELECT is_empty($$SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a JOIN member_procs p ON p.oid = a.aggfnoid
                  WHERE p.proname ~ '_summary$'
                    AND NOT EXISTS (SELECT FROM pg_aggregate o JOIN pg_proc op ON op.oid = o.aggfnoid
                                    WHERE op.proname = regexp_replace(p.proname, '_summary$', '')
                                      AND op.proargtypes = p.proargtypes AND o.aggtransfn = a.aggtransfn
                                      AND o.aggcombinefn = a.aggcombinefn AND o.aggminvtransfn = a.aggminvtransfn)$$,
                'every <name>_summary aggregate has the transition, inverse and combine functions of <name>');
SELECT is((SELECT array_agg(DISTINCT a.aggfinalfn::text ORDER BY a.aggfinalfn::text) FROM pg_aggregate a
           JOIN member_procs p ON p.oid = a.aggfnoid WHERE p.proname ~ '_summary$' OR p.proname = 'rollup'),
          '{_exactsum_summary_final,_weightset_summary_final}', 'summaries and rollup return the compacted state');
SELECT is((SELECT format('%s/%s/%s', a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn) FROM pg_aggregate a
           WHERE a.aggfnoid = 'rollup(exactsum)'::regprocedure),
          '_exactsum_rollup_accum/_exactsum_rollup_inv/_exactsum_summary_final', 'rollup(exactsum) is a moving aggregate');
SELECT is((SELECT a.aggminvtransfn::text FROM pg_aggregate a WHERE a.aggfnoid = 'rollup(weightset)'::regprocedure),
          '-', 'rollup(weightset) has no inverse (its summaries drop weights a smaller frame may need)');

-- market history: the drawdowns' float8[] state and combine function, and
-- the window functions are WINDOW functions
SELECT is((SELECT array_agg(DISTINCT format('%s/%s', a.aggtranstype::regtype, a.aggcombinefn)) || count(*)::text
           FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.proname IN ('max_drawdown', 'current_drawdown')),
          '{"double precision[]/_drawdown_combine",4}', 'the four drawdown aggregates: float8[] state, _drawdown_combine');
SELECT set_eq($$SELECT p.proname::text FROM member_procs p WHERE p.prokind = 'w'$$,
              ARRAY['size_segment', 'trend_ratio', 'history_percentile', 'history_zscore', 'periods_since_higher'],
              'the window functions');

SELECT * FROM finish();
ROLLBACK;
