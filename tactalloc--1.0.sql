/* tactalloc--1.0.sql: the tactalloc extension, version 1.0 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION tactalloc" to load this file. \quit

--------------------------------------------------------------------------
-- exactsum: the transition state of every sum-based aggregate
--------------------------------------------------------------------------

CREATE TYPE exactsum;

CREATE FUNCTION exactsum_in(cstring) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_in(cstring) IS
	'Text input of an exactsum state: validates every field and rejects malformed or truncated text';

CREATE FUNCTION exactsum_out(exactsum) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_out(exactsum) IS
	'Text output of an exactsum state: compact and canonical, round-trips exactly';

CREATE FUNCTION exactsum_recv(internal) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_recv(internal) IS
	'Binary input of an exactsum state (the text form as bytes), validated';

CREATE FUNCTION exactsum_send(exactsum) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_send(exactsum) IS
	'Binary output of an exactsum state (the text form as bytes)';

CREATE TYPE exactsum (
	INPUT = exactsum_in,
	OUTPUT = exactsum_out,
	RECEIVE = exactsum_recv,
	SEND = exactsum_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE exactsum IS
	'Transition state of tactalloc''s sum-based aggregates: a row count and exact sums that merge exactly under any plan';

CREATE FUNCTION exactsum_combine(exactsum, exactsum) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION exactsum_combine(exactsum, exactsum) IS
	'Combine function of every exactsum aggregate: exact merge of two partial states';

--------------------------------------------------------------------------
-- Concentration
--------------------------------------------------------------------------

CREATE FUNCTION hhi_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_accum(exactsum, float8) IS
	'Transition function of hhi(weight) and effective_n(weight)';

CREATE FUNCTION hhi_accum_mode(exactsum, float8, text) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION hhi_accum_mode(exactsum, float8, text) IS
	'Transition function of hhi(weight, mode) and effective_n(weight, mode)';

CREATE FUNCTION hhi_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hhi_final(exactsum) IS
	'Final function of hhi(): sum of squared weights over the squared total';

CREATE FUNCTION effective_n_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION effective_n_final(exactsum) IS
	'Final function of effective_n(): the squared total over the sum of squared weights';

CREATE AGGREGATE hhi(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8) IS
	'Herfindahl-Hirschman index of weights: sum(w^2) / sum(w)^2, in [1/n, 1]; a negative weight is an error';

CREATE AGGREGATE hhi(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = hhi_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE hhi(float8, text) IS
	'Herfindahl-Hirschman index with mode ''net'' (as hhi(weight)) or ''gross'' (normalised by sum(abs(w)) for long/short books)';

CREATE AGGREGATE effective_n(weight float8) (
	SFUNC = hhi_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = effective_n_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8) IS
	'Effective number of constituents: 1 / hhi(weight)';

CREATE AGGREGATE effective_n(weight float8, mode text) (
	SFUNC = hhi_accum_mode,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = effective_n_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE effective_n(float8, text) IS
	'Effective number of constituents with mode ''net'' or ''gross'': 1 / hhi(weight, mode)';

--------------------------------------------------------------------------
-- Macro regime
--------------------------------------------------------------------------

CREATE TYPE macro_regime AS ENUM ('recovery', 'expansion', 'slowdown', 'contraction');
COMMENT ON TYPE macro_regime IS
	'Macro regime of a leading indicator, in cycle order: recovery (below trend, improving), expansion (above, improving), slowdown (above, deteriorating), contraction (below, deteriorating)';

CREATE FUNCTION regime_classify(level float8, change float8, trend float8 DEFAULT 100)
	RETURNS macro_regime
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_classify(float8, float8, float8) IS
	'Macro regime of one leading-indicator reading: level >= trend is at/above trend, change > 0 improving, < 0 deteriorating; change = 0 gives NULL';

--------------------------------------------------------------------------
-- Credit
--------------------------------------------------------------------------

CREATE FUNCTION dts(spread_duration float8, spread_bp float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'dts_bond' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts(float8, float8) IS
	'Duration times spread of one bond: spread duration (years) x OAS (bp), in year-bp; a negative duration is an error';

CREATE FUNCTION dts_accum(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dts_accum(exactsum, float8, float8, float8) IS
	'Transition function of dts(weight, spread_duration, spread_bp)';

CREATE FUNCTION dts_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dts_final(exactsum) IS
	'Final function of dts(weight, spread_duration, spread_bp): sum(w*D*S) / sum(w)';

CREATE AGGREGATE dts(weight float8, spread_duration float8, spread_bp float8) (
	SFUNC = dts_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = dts_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE dts(float8, float8, float8) IS
	'Market-value-weighted duration times spread of a portfolio: sum(w*D*S) / sum(w), not avg(D) x avg(S)';

--------------------------------------------------------------------------
-- Macro regime over time: regime_track, regime_shifts,
-- oecd_phase, regime_playbook and regime_tilts, liquidity_stance
--------------------------------------------------------------------------

-- regime_track: the confirmed regime of an ordered series. Aggregates take
-- no DEFAULT arguments, so the SPEC's defaults (confirm 1, trend 100) are
-- three overloads sharing one state (a float8[]) and one combine function.

CREATE FUNCTION regime_track_accum(float8[], float8, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION regime_track_accum(float8[], float8, float8) IS
	'Transition function of regime_track(level, change): confirm 1, trend 100';

CREATE FUNCTION regime_track_accum(float8[], float8, float8, integer) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION regime_track_accum(float8[], float8, float8, integer) IS
	'Transition function of regime_track(level, change, confirm): trend 100';

CREATE FUNCTION regime_track_accum(float8[], float8, float8, integer, float8) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION regime_track_accum(float8[], float8, float8, integer, float8) IS
	'Transition function of regime_track(level, change, confirm, trend)';

CREATE FUNCTION regime_track_combine(float8[], float8[]) RETURNS float8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION regime_track_combine(float8[], float8[]) IS
	'Combine function of regime_track: the first state''s readings followed by the second''s';

CREATE FUNCTION regime_track_final(float8[]) RETURNS macro_regime
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_track_final(float8[]) IS
	'Final function of regime_track: the confirmed regime, NULL until the first is confirmed';

CREATE AGGREGATE regime_track(level float8, change float8) (
	SFUNC = regime_track_accum,
	STYPE = float8[],
	SSPACE = 128,
	FINALFUNC = regime_track_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = regime_track_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_track(float8, float8) IS
	'Macro regime of a leading-indicator series read in order (use OVER (PARTITION BY region ORDER BY as_of)): a flat change keeps the previous direction; trend 100';

CREATE AGGREGATE regime_track(level float8, change float8, confirm integer) (
	SFUNC = regime_track_accum,
	STYPE = float8[],
	SSPACE = 128,
	FINALFUNC = regime_track_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = regime_track_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_track(float8, float8, integer) IS
	'Macro regime of a series read in order, reported only after confirm consecutive readings of a new regime (NULL until the first is confirmed); trend 100';

CREATE AGGREGATE regime_track(level float8, change float8, confirm integer, trend float8) (
	SFUNC = regime_track_accum,
	STYPE = float8[],
	SSPACE = 128,
	FINALFUNC = regime_track_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = regime_track_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_track(float8, float8, integer, float8) IS
	'Macro regime of a series read in order against a given trend, reported only after confirm consecutive readings of a new regime';

-- regime_shifts: changes between consecutive non-NULL regimes; the state is
-- {first, last, shifts} so that partial states combine in order.

CREATE FUNCTION regime_shifts_accum(bigint[], macro_regime) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_shifts_accum(bigint[], macro_regime) IS
	'Transition function of regime_shifts: state {first, last, shifts}, regimes as positions 0..3 (-1 before any)';

CREATE FUNCTION regime_shifts_combine(bigint[], bigint[]) RETURNS bigint[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_shifts_combine(bigint[], bigint[]) IS
	'Combine function of regime_shifts: a.shifts + b.shifts + (a.last <> b.first)';

CREATE FUNCTION regime_shifts_final(bigint[]) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION regime_shifts_final(bigint[]) IS
	'Final function of regime_shifts: the number of shifts, NULL when no regime was read';

CREATE AGGREGATE regime_shifts(regime macro_regime) (
	SFUNC = regime_shifts_accum,
	STYPE = bigint[],
	INITCOND = '{-1,-1,0}',
	FINALFUNC = regime_shifts_final,
	COMBINEFUNC = regime_shifts_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE regime_shifts(macro_regime) IS
	'Number of changes between consecutive non-NULL regimes (use ORDER BY as_of in the call); NULL when there is none';

-- oecd_phase: the quadrants under the OECD CLI names

CREATE TYPE oecd_phase AS ENUM ('recovery', 'expansion', 'downturn', 'slowdown');
COMMENT ON TYPE oecd_phase IS
	'Phase of an OECD composite leading indicator, in cycle order: recovery (below trend, rising), expansion (above, rising), downturn (above, falling), slowdown (below, falling); OECD slowdown is macro_regime contraction';

CREATE FUNCTION oecd_phase(level float8, change float8, trend float8 DEFAULT 100)
	RETURNS oecd_phase
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION oecd_phase(float8, float8, float8) IS
	'OECD phase of one leading-indicator reading: expansion, downturn, slowdown or recovery; change = 0 gives NULL. OECD slowdown (below trend, falling) is macro_regime contraction';

-- regime_playbook: the tilts each regime implies. The extension ships
-- default rows (shipped = true); rows a user inserts or changes have
-- shipped = false and are kept by pg_dump (pg_extension_config_dump with
-- WHERE NOT shipped). Shipped keys a user deleted, changed or replaced are
-- remembered in regime_playbook_removed (dumped whole), so a restore, which
-- re-creates the shipped rows with CREATE EXTENSION, removes them again.
-- The triggers are created after the shipped rows are inserted; a later
-- upgrade script that ships rows must insert them with shipped = true and
-- the triggers disabled.

CREATE TABLE regime_playbook (
	regime macro_regime NOT NULL,
	asset text NOT NULL,
	tilt text NOT NULL,
	note text,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE regime_playbook IS
	'Tilts each macro regime implies (regime_tilts() reads it): published defaults shipped with tactalloc, editable; your rows and edits are kept by pg_dump';
COMMENT ON COLUMN regime_playbook.regime IS 'The macro regime';
COMMENT ON COLUMN regime_playbook.asset IS 'What is tilted: equities vs bonds, equity style, equity size, equity sectors, credit, duration, USD, ...';
COMMENT ON COLUMN regime_playbook.tilt IS 'The tilt, e.g. overweight, underweight, neutral, value';
COMMENT ON COLUMN regime_playbook.note IS 'Where the tilt comes from and how to implement it';
COMMENT ON COLUMN regime_playbook.shipped IS 'True while the row is as tactalloc shipped it; maintained by triggers (rows you insert or change are false)';

INSERT INTO regime_playbook (regime, asset, tilt, note, shipped) VALUES
  ('recovery', 'equities vs bonds', 'overweight equities', 'Published recovery tilts: equities over bonds.', true),
  ('recovery', 'equity style', 'value', 'Published recovery tilts: value over growth.', true),
  ('recovery', 'equity sectors', 'cyclicals', 'Published recovery tilts: cyclical over defensive sectors.', true),
  ('recovery', 'equity size', 'small and mid caps', 'Published recovery tilts: small and mid caps over large caps.', true),
  ('recovery', 'credit', 'overweight risky credit', 'Published recovery tilts: risky credit, measured by DTS (dts()).', true),
  ('recovery', 'duration', 'neutral', 'Published recovery tilts: neutral duration.', true),
  ('recovery', 'USD', 'underweight', 'Published recovery tilts: underweight the US dollar.', true),
  ('expansion', 'equities vs bonds', 'overweight equities (larger)', 'Published expansion tilts: a larger equity overweight than in recovery.', true),
  ('expansion', 'equity style', 'value', 'Published expansion tilts: value over growth.', true),
  ('expansion', 'equity size', 'mid caps', 'Published expansion tilts: mid caps.', true),
  ('expansion', 'credit', 'overweight risky credit', 'Published expansion tilts: risky credit, measured by DTS (dts()).', true),
  ('expansion', 'duration', 'underweight', 'Published expansion tilts: duration underweight.', true),
  ('expansion', 'USD', 'underweight', 'Published expansion tilts: underweight the US dollar.', true),
  ('slowdown', 'equities vs bonds', 'neutral', 'tactalloc default, not a published tilt: take the equity overweight back to neutral as growth decelerates above trend.', true),
  ('slowdown', 'equity style', 'quality', 'tactalloc default, not a published tilt: quality over value late in the cycle.', true),
  ('slowdown', 'equity size', 'large caps', 'tactalloc default, not a published tilt: large caps over small caps.', true),
  ('slowdown', 'credit', 'underweight risky credit', 'tactalloc default, not a published tilt: reduce DTS as spreads tend to widen.', true),
  ('slowdown', 'duration', 'neutral', 'tactalloc default, not a published tilt: neutral duration ahead of a contraction.', true),
  ('slowdown', 'USD', 'neutral', 'tactalloc default, not a published tilt: neutral US dollar.', true),
  ('contraction', 'equities vs bonds', 'overweight bonds', 'Published contraction tilts: bonds over equities.', true),
  ('contraction', 'equity style', 'quality and low volatility', 'Published contraction tilts: quality and low-volatility equities.', true),
  ('contraction', 'duration', 'overweight', 'Published contraction tilts: duration overweight, through inflation-linked bonds.', true),
  ('contraction', 'credit', 'underweight', 'Published contraction tilts: credit underweight.', true);

CREATE TABLE regime_playbook_removed (
	regime macro_regime NOT NULL,
	asset text NOT NULL,
	PRIMARY KEY (regime, asset)
);
COMMENT ON TABLE regime_playbook_removed IS
	'Shipped regime_playbook rows you deleted, changed or replaced: kept by pg_dump so a restore does not bring the shipped rows back; delete a row here and reinstall to get a shipped row back';
COMMENT ON COLUMN regime_playbook_removed.regime IS 'The macro regime of the removed shipped row';
COMMENT ON COLUMN regime_playbook_removed.asset IS 'The asset of the removed shipped row';

SELECT pg_catalog.pg_extension_config_dump('regime_playbook', 'WHERE NOT shipped');
SELECT pg_catalog.pg_extension_config_dump('regime_playbook_removed', '');

-- The trigger functions find both tables in the schema of the table that
-- fired them (TG_TABLE_SCHEMA), so they follow ALTER EXTENSION SET SCHEMA.

CREATE FUNCTION regime_playbook_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		-- a row you add (or pg_dump restores) replaces the shipped row of its key
		NEW.shipped := false;
		EXECUTE format('DELETE FROM %I.regime_playbook WHERE regime = $1 AND asset = $2 AND shipped',
					   TG_TABLE_SCHEMA)
			USING NEW.regime, NEW.asset;
	ELSIF (NEW.regime, NEW.asset, NEW.tilt, NEW.note) IS DISTINCT FROM
		  (OLD.regime, OLD.asset, OLD.tilt, OLD.note) THEN
		NEW.shipped := false;
	ELSE
		NEW.shipped := OLD.shipped;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION regime_playbook_guard() IS
	'Trigger of regime_playbook (before insert or update): rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';

CREATE FUNCTION regime_playbook_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		EXECUTE format('INSERT INTO %1$I.regime_playbook_removed (regime, asset)
						SELECT regime, asset FROM %1$I.regime_playbook WHERE shipped
						ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA);
		RETURN NULL;
	END IF;
	IF OLD.shipped AND (TG_OP = 'DELETE' OR NOT NEW.shipped) THEN
		EXECUTE format('INSERT INTO %I.regime_playbook_removed (regime, asset) VALUES ($1, $2)
						ON CONFLICT DO NOTHING', TG_TABLE_SCHEMA)
			USING OLD.regime, OLD.asset;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION regime_playbook_forget() IS
	'Trigger of regime_playbook (after delete or update, before truncate): records shipped rows that are gone in regime_playbook_removed';

CREATE FUNCTION regime_playbook_remove() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	recorded boolean;
BEGIN
	IF TG_WHEN = 'BEFORE' THEN
		-- recorded already: nothing to do (a restore may bring it twice)
		EXECUTE format('SELECT EXISTS (SELECT FROM %I.regime_playbook_removed WHERE regime = $1 AND asset = $2)',
					   TG_TABLE_SCHEMA)
			INTO recorded
			USING NEW.regime, NEW.asset;
		IF recorded THEN
			RETURN NULL;
		END IF;
		RETURN NEW;
	END IF;
	EXECUTE format('DELETE FROM %I.regime_playbook WHERE regime = $1 AND asset = $2 AND shipped',
				   TG_TABLE_SCHEMA)
		USING NEW.regime, NEW.asset;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION regime_playbook_remove() IS
	'Trigger of regime_playbook_removed (before and after insert): skips a key recorded already, and deletes the shipped regime_playbook row of a new one';

CREATE TRIGGER regime_playbook_guard BEFORE INSERT OR UPDATE ON regime_playbook
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_guard();
COMMENT ON TRIGGER regime_playbook_guard ON regime_playbook IS
	'Rows you insert or change are not shipped; an inserted row replaces the shipped row of its key';
CREATE TRIGGER regime_playbook_forget AFTER DELETE OR UPDATE ON regime_playbook
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_forget();
COMMENT ON TRIGGER regime_playbook_forget ON regime_playbook IS
	'Records shipped rows that were deleted or changed in regime_playbook_removed';
CREATE TRIGGER regime_playbook_forget_all BEFORE TRUNCATE ON regime_playbook
	FOR EACH STATEMENT EXECUTE FUNCTION regime_playbook_forget();
COMMENT ON TRIGGER regime_playbook_forget_all ON regime_playbook IS
	'Records every shipped row in regime_playbook_removed before a TRUNCATE';
CREATE TRIGGER regime_playbook_remove_once BEFORE INSERT ON regime_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_remove();
COMMENT ON TRIGGER regime_playbook_remove_once ON regime_playbook_removed IS
	'Skips a key that is recorded already';
CREATE TRIGGER regime_playbook_remove AFTER INSERT ON regime_playbook_removed
	FOR EACH ROW EXECUTE FUNCTION regime_playbook_remove();
COMMENT ON TRIGGER regime_playbook_remove ON regime_playbook_removed IS
	'Deletes the shipped regime_playbook row of a newly recorded key';

CREATE FUNCTION regime_tilts(regime macro_regime)
	RETURNS TABLE (asset text, tilt text, note text)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION regime_tilts(macro_regime) IS
	'The tilts regime_playbook gives for a regime (asset, tilt, note), by asset; STABLE: it reads the table';

-- liquidity_stance: central-bank liquidity from the balance sheet and rates

CREATE TYPE liquidity_stance AS ENUM ('easing', 'tightening', 'mixed', 'neutral');
COMMENT ON TYPE liquidity_stance IS
	'Central-bank liquidity: easing, tightening, mixed (balance sheet and rates point opposite ways) or neutral (both flat)';

CREATE FUNCTION liquidity_stance(balance_sheet_change float8, policy_rate_change float8)
	RETURNS liquidity_stance
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION liquidity_stance(float8, float8) IS
	'Liquidity stance: easing (balance sheet not shrinking, rates not rising), tightening (not growing, not falling), mixed (opposite ways, e.g. run-off while cutting), neutral (both flat)';

--------------------------------------------------------------------------
-- Credit: spread shocks
--------------------------------------------------------------------------

CREATE FUNCTION spread_return(dts float8, relative_spread_change float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION spread_return(float8, float8) IS
	'Spread return of a spread shock in bp: -DTS x relative spread change (a 10 % widening, 0.1, of an 805 DTS book gives -80.5)';

--------------------------------------------------------------------------
-- Size segments
--------------------------------------------------------------------------

CREATE FUNCTION size_segment(market_cap float8, prior_segment integer DEFAULT NULL,
							 breakpoints integer[] DEFAULT '{1000,3000}', band float8 DEFAULT 0.05)
	RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION size_segment(float8, integer, integer[], float8) IS
	'Russell-style size segment by market-cap rank with membership banding; window function, use OVER (PARTITION BY rank_date ORDER BY market_cap DESC)';

--------------------------------------------------------------------------
-- Concentration toolkit (weightset aggregates)
--------------------------------------------------------------------------

CREATE TYPE weightset;

CREATE FUNCTION weightset_in(cstring) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_in(cstring) IS
	'Text input of a weightset state: validates every field and weight and rejects malformed or truncated text';

CREATE FUNCTION weightset_out(weightset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_out(weightset) IS
	'Text output of a weightset state: compact and canonical (weights sorted, shortest exact decimals), round-trips exactly';

CREATE FUNCTION weightset_recv(internal) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_recv(internal) IS
	'Binary input of a weightset state (the text form as bytes), validated';

CREATE FUNCTION weightset_send(weightset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weightset_send(weightset) IS
	'Binary output of a weightset state (the text form as bytes)';

CREATE TYPE weightset (
	INPUT = weightset_in,
	OUTPUT = weightset_out,
	RECEIVE = weightset_recv,
	SEND = weightset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE weightset IS
	'Transition state of top_share, share_above, count_above and active_share: the weights a group needs (8 bytes each, 16 per pair) and exact totals; merges under any plan';

CREATE FUNCTION weightset_combine(weightset, weightset) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION weightset_combine(weightset, weightset) IS
	'Combine function of every weightset aggregate: merges two partial states of the same kind and parameter';

CREATE FUNCTION top_share_accum(weightset, float8, int4) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION top_share_accum(weightset, float8, int4) IS
	'Transition function of top_share(weight, n): keeps the n largest weights and the exact total';

CREATE FUNCTION top_share_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION top_share_final(weightset) IS
	'Final function of top_share(): exact sum of the n largest weights over the exact total';

CREATE AGGREGATE top_share(weight float8, n int4) (
	SFUNC = top_share_accum,
	STYPE = weightset,
	SSPACE = 200,
	FINALFUNC = top_share_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE top_share(float8, int4) IS
	'Share of the n largest weights in the total (1.0 with fewer than n names); n >= 1, the same for every row of a group';

CREATE FUNCTION share_above_accum(weightset, float8, float8) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION share_above_accum(weightset, float8, float8) IS
	'Transition function of share_above(weight, threshold) and count_above(weight, threshold): keeps every weight of the group';

CREATE FUNCTION share_above_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_above_final(weightset) IS
	'Final function of share_above(): total share of the names whose own share is strictly above the threshold';

CREATE FUNCTION count_above_final(weightset) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION count_above_final(weightset) IS
	'Final function of count_above(): number of names whose share is strictly above the threshold';

CREATE AGGREGATE share_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 4096,
	FINALFUNC = share_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE share_above(float8, float8) IS
	'Total share of the names whose own share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE AGGREGATE count_above(weight float8, threshold float8) (
	SFUNC = share_above_accum,
	STYPE = weightset,
	SSPACE = 4096,
	FINALFUNC = count_above_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE count_above(float8, float8) IS
	'Number of names whose share of the total is strictly above threshold (a fraction in [0, 1), e.g. 0.03)';

CREATE FUNCTION active_share_accum(weightset, float8, float8) RETURNS weightset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION active_share_accum(weightset, float8, float8) IS
	'Transition function of active_share(portfolio_weight, benchmark_weight): keeps every pair, a NULL side as 0';

CREATE FUNCTION active_share_final(weightset) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION active_share_final(weightset) IS
	'Final function of active_share(): half the sum of abs(p/sum(p) - b/sum(b))';

CREATE AGGREGATE active_share(portfolio_weight float8, benchmark_weight float8) (
	SFUNC = active_share_accum,
	STYPE = weightset,
	SSPACE = 8192,
	FINALFUNC = active_share_final,
	COMBINEFUNC = weightset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE active_share(float8, float8) IS
	'Active share of a portfolio against its benchmark: half the sum of abs(p/sum(p) - b/sum(b)) over the union of holdings; a NULL side counts as 0 (not held)';

--------------------------------------------------------------------------
-- Valuation and returns
--------------------------------------------------------------------------

CREATE FUNCTION weighted_mean_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean_accum(exactsum, float8, float8) IS
	'Transition function of weighted_mean(value, weight)';

CREATE FUNCTION weighted_mean_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION weighted_mean_final(exactsum) IS
	'Final function of weighted_mean(): sum(w*x) / sum(w)';

CREATE AGGREGATE weighted_mean(value float8, weight float8) (
	SFUNC = weighted_mean_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = weighted_mean_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE weighted_mean(float8, float8) IS
	'Weighted mean sum(w*x) / sum(w); a row with either side NULL is skipped; a zero total weight gives NULL';

CREATE FUNCTION index_multiple_accum(exactsum, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_accum(exactsum, float8, float8) IS
	'Transition function of index_multiple(cap, fundamental)';

CREATE FUNCTION index_multiple_accum_weighted(exactsum, float8, float8, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_accum_weighted(exactsum, float8, float8, float8) IS
	'Transition function of index_multiple(cap, fundamental, weight)';

CREATE FUNCTION index_multiple_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION index_multiple_final(exactsum) IS
	'Final function of index_multiple(): sum(w) / sum(w*fundamental/cap), NULL unless the denominator is positive';

CREATE AGGREGATE index_multiple(cap float8, fundamental float8) (
	SFUNC = index_multiple_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = index_multiple_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple(float8, float8) IS
	'Index multiple the way providers compute it: sum(cap) / sum(fundamental) (index P/E, P/S, P/B); losses stay in; NULL when the aggregate fundamental is not positive';

CREATE AGGREGATE index_multiple(cap float8, fundamental float8, weight float8) (
	SFUNC = index_multiple_accum_weighted,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = index_multiple_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE index_multiple(float8, float8, float8) IS
	'Weighted index multiple sum(w) / sum(w*fundamental/cap); weight 1 gives the equal-weighted multiple; NULL when the denominator is not positive';

CREATE FUNCTION parity_upside(multiple float8, reference float8) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parity_upside(float8, float8) IS
	'Move that takes a multiple to a reference: reference / multiple - 1 (19.5 against 28 gives 0.4359); both must be positive';

CREATE FUNCTION compound_return_accum(exactsum, float8) RETURNS exactsum
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION compound_return_accum(exactsum, float8) IS
	'Transition function of compound_return(r): exact sum of log1p(r)';

CREATE FUNCTION compound_return_final(exactsum) RETURNS float8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION compound_return_final(exactsum) IS
	'Final function of compound_return(): expm1 of the exact sum of log1p(r), -1 when a return is -1';

CREATE AGGREGATE compound_return(r float8) (
	SFUNC = compound_return_accum,
	STYPE = exactsum,
	SSPACE = 160,
	FINALFUNC = compound_return_final,
	COMBINEFUNC = exactsum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE compound_return(float8) IS
	'Compound return prod(1 + r) - 1 of a series of returns, independent of row order; r < -1 is an error';

CREATE FUNCTION streak_accum(int8[], bool) RETURNS int8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION streak_accum(int8[], bool) IS
	'Transition function of longest_streak() and current_streak(): state {rows, leading run, trailing run, longest run}';

CREATE FUNCTION streak_combine(int8[], int8[]) RETURNS int8[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION streak_combine(int8[], int8[]) IS
	'Combine function of the streak aggregates: the runs of the rows of the first state followed by those of the second';

CREATE FUNCTION longest_streak_final(int8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION longest_streak_final(int8[]) IS
	'Final function of longest_streak(): the longest run of true';

CREATE FUNCTION current_streak_final(int8[]) RETURNS int8
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION current_streak_final(int8[]) IS
	'Final function of current_streak(): the run of true at the end of the ordered rows';

CREATE AGGREGATE longest_streak(flag bool) (
	SFUNC = streak_accum,
	STYPE = int8[],
	FINALFUNC = longest_streak_final,
	COMBINEFUNC = streak_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE longest_streak(bool) IS
	'Longest run of true in the ordered rows, e.g. longest_streak(small_beat_large ORDER BY as_of); NULL breaks a run';

CREATE AGGREGATE current_streak(flag bool) (
	SFUNC = streak_accum,
	STYPE = int8[],
	FINALFUNC = current_streak_final,
	COMBINEFUNC = streak_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE current_streak(bool) IS
	'Run of true at the end of the ordered rows, e.g. current_streak(small_beat_large ORDER BY as_of); NULL breaks a run';
