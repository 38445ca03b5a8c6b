/*
 * regime.c
 *	  Macro regime of a leading indicator, one reading at a time:
 *	  regime_classify(), oecd_phase() and a central bank's
 *	  liquidity_stance().  A series over time is regime_track.c's; the
 *	  tilts of a regime are playbook.c's.
 *
 * The level against its long-run trend (100 for an OECD-style composite
 * leading indicator) says whether growth is above or below trend; the sign
 * of the change says whether expectations improve or deteriorate:
 *
 *					improving		deteriorating
 *	at/above trend	expansion		slowdown
 *	below trend		recovery		contraction
 *
 * A single reading with no change has no direction: NULL.
 */
#include "common.h"
#include "regime.h"

PG_FUNCTION_INFO_V1(regime_classify);

const char *const regime_labels[REGIME_NLABELS] = {
	"recovery", "expansion", "slowdown", "contraction"
};

/*
 * The quadrant (REGIME_*) of one reading given as the three float8
 * arguments (level, change, trend) of fname, or -1 when the change is flat.
 */
static int
Quadrant(FunctionCallInfo fcinfo, const char *fname)
{
	double		level = PG_GETARG_FLOAT8(0);
	double		change = PG_GETARG_FLOAT8(1);
	double		trend = PG_GETARG_FLOAT8(2);
	bool		above = level >= trend;

	ta_check_finite(fname, "level", level);
	ta_check_finite(fname, "change", change);
	ta_check_finite(fname, "trend", trend);
	if (change == 0)
		return -1;
	if (change > 0)
		return above ? REGIME_EXPANSION : REGIME_RECOVERY;
	return above ? REGIME_SLOWDOWN : REGIME_CONTRACTION;
}

/* regime_classify(level, change, trend): the quadrant, or NULL if flat. */
Datum
regime_classify(PG_FUNCTION_ARGS)
{
	int			r = Quadrant(fcinfo, "regime_classify");

	if (r < 0)
		PG_RETURN_NULL();
	PG_RETURN_OID(ta_enum_label(fcinfo, regime_labels, REGIME_NLABELS, r));
}

/* ------------------------------------------------------------------------
 * oecd_phase(): the same quadrants under the OECD CLI names
 *
 * The OECD calls the four phases of its composite leading indicators
 * expansion (above trend, rising), downturn (above, falling), slowdown
 * (below, falling) and recovery (below, rising).  The enum oecd_phase lists
 * them in the cycle order of macro_regime, so the i-th label of one is the
 * same quadrant as the i-th label of the other: note that OECD "slowdown"
 * is macro_regime 'contraction' and OECD "downturn" is 'slowdown'.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(oecd_phase);

static const char *const oecd_labels[REGIME_NLABELS] = {
	"recovery", "expansion", "downturn", "slowdown"
};

/* oecd_phase(level, change, trend): the OECD phase, or NULL if flat. */
Datum
oecd_phase(PG_FUNCTION_ARGS)
{
	int			r = Quadrant(fcinfo, "oecd_phase");

	if (r < 0)
		PG_RETURN_NULL();
	PG_RETURN_OID(ta_enum_label(fcinfo, oecd_labels, REGIME_NLABELS, r));
}

/* ------------------------------------------------------------------------
 * liquidity_stance(): central-bank liquidity from two changes
 *
 * A growing balance sheet and falling policy rates both ease; shrinking and
 * rising both tighten.  Each change votes by its sign (0 abstains):
 *
 *	easing		balance sheet not shrinking, rates not rising, not both flat
 *	tightening	balance sheet not growing, rates not falling, not both flat
 *	mixed		the two point opposite ways (growing while rates rise, or
 *				shrinking while rates are cut)
 *	neutral		both flat
 *
 * With tolerances, a change whose absolute value is within its tolerance
 * is flat (weekly balance-sheet noise does not flip the stance).
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(liquidity_stance);

enum
{
	STANCE_EASING,
	STANCE_TIGHTENING,
	STANCE_MIXED,
	STANCE_NEUTRAL,
	STANCE_NLABELS
};

static const char *const stance_labels[STANCE_NLABELS] = {
	"easing", "tightening", "mixed", "neutral"
};

/* A tolerance argument: finite and not negative. */
static double
StanceTolerance(FunctionCallInfo fcinfo, int argno, const char *argname)
{
	double		tol = PG_GETARG_FLOAT8(argno);

	ta_check_finite("liquidity_stance", argname, tol);
	if (tol < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("liquidity_stance: %s must not be negative, got %s",
						argname, float8out_internal(tol))));
	return tol;
}

/*
 * liquidity_stance(balance_sheet_change, policy_rate_change
 *					[, balance_sheet_tolerance, rate_tolerance]): a change
 * whose absolute value is within its tolerance counts as flat.
 */
Datum
liquidity_stance(PG_FUNCTION_ARGS)
{
	double		bs = PG_GETARG_FLOAT8(0);
	double		rate = PG_GETARG_FLOAT8(1);
	int			ease;
	int			tight;
	int			r;

	ta_check_finite("liquidity_stance", "balance_sheet_change", bs);
	ta_check_finite("liquidity_stance", "policy_rate_change", rate);
	if (PG_NARGS() >= 4)
	{
		if (fabs(bs) <= StanceTolerance(fcinfo, 2, "balance_sheet_tolerance"))
			bs = 0;
		if (fabs(rate) <= StanceTolerance(fcinfo, 3, "rate_tolerance"))
			rate = 0;
	}
	ease = (bs > 0) + (rate < 0);
	tight = (bs < 0) + (rate > 0);
	if (ease > 0 && tight > 0)
		r = STANCE_MIXED;
	else if (ease > 0)
		r = STANCE_EASING;
	else if (tight > 0)
		r = STANCE_TIGHTENING;
	else
		r = STANCE_NEUTRAL;
	PG_RETURN_OID(ta_enum_label(fcinfo, stance_labels, STANCE_NLABELS, r));
}
