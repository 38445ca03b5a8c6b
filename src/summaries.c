/*
 * summaries.c
 *	  Summaries: the states of the exactsum and weightset aggregates as
 *	  values that can be stored, read and rolled up.
 *
 * A summary aggregate (hhi_summary, top_share_summary, ...) runs the
 * transition and combine functions of its aggregate and returns the state
 * itself, compacted (_exactsum_summary_final, _weightset_summary_final).
 * An accessor (hhi(summary), top_share(summary, n), ...) refuses a summary
 * of another kind and runs the aggregate's final step on it.  rollup()
 * merges summaries with the combine functions, which validate every state
 * they receive; rollup(exactsum) also subtracts a summary leaving a window
 * frame, exactly (_exactsum_rollup_inv).  The states are exact, so a
 * rolled-up summary is the state of the direct aggregate over the same
 * rows, and every figure read from it has the same bits.
 *
 * The accessors of top_share, share_above, count_above, top_contribution
 * and names_to_match, which take a parameter, are in concentration.c.
 */
#include "exactsum.h"
#include "weightset.h"

PG_FUNCTION_INFO_V1(exactsum_summary_final);
PG_FUNCTION_INFO_V1(weightset_summary_final);
PG_FUNCTION_INFO_V1(exactsum_rollup_inv);

/*
 * Final function of every exactsum summary aggregate and of rollup: the
 * state, validated and compact; NULL for no rows.
 */
Datum
exactsum_summary_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, 0, "_exactsum_summary_final");

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	TA_RETURN_STATE(es_compact(st));
}

/*
 * Final function of every weightset summary aggregate and of rollup: the
 * state, compact (share_above's pruned at the cut of its total); NULL for
 * no rows.
 */
Datum
weightset_summary_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, 0, "_weightset_summary_final");

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	TA_RETURN_STATE(ws_compact(st));
}

/*
 * Inverse transition function of rollup(exactsum): removes a summary
 * leaving the window frame by subtracting its exact sums and rows.
 */
Datum
exactsum_rollup_inv(PG_FUNCTION_ARGS)
{
	const char *fname = "_exactsum_rollup_inv";
	ExactSum   *a = es_getarg(fcinfo, 0, 0, fname);
	ExactSum   *b = es_getarg(fcinfo, 1, 0, fname);

	/* es_subtract negates b into a copy: the stored summary never changes */
	TA_RETURN_STATE(es_subtract(fcinfo, a, b, fname));
}

/*
 * Accessors that read a summary with the final function of its aggregate,
 * after refusing a summary of another kind by name.
 */
#define SUMMARY_READER(reader, final, kind, fname) \
	extern PGDLLEXPORT Datum final(PG_FUNCTION_ARGS); \
	PG_FUNCTION_INFO_V1(reader); \
	Datum \
	reader(PG_FUNCTION_ARGS) \
	{ \
		es_check_summary(fcinfo, 0, kind, fname); \
		return final(fcinfo); \
	}

SUMMARY_READER(hhi_read, hhi_final, ES_HHI, "hhi")
SUMMARY_READER(effective_n_read, effective_n_final, ES_HHI, "effective_n")
SUMMARY_READER(dts_read, dts_final, ES_DTS, "dts")
SUMMARY_READER(weighted_mean_read, weighted_mean_final, ES_WMEAN, "weighted_mean")
SUMMARY_READER(index_multiple_read, index_multiple_final, ES_IMULT, "index_multiple")
SUMMARY_READER(volatility_read, volatility_final, ES_VOL, "volatility")
SUMMARY_READER(tracking_error_read, tracking_error_final, ES_TE, "tracking_error")
SUMMARY_READER(beta_read, beta_final, ES_BETA, "beta")
SUMMARY_READER(correlation_read, correlation_final, ES_CORR, "correlation")
SUMMARY_READER(annualized_return_read, annualized_return_final, ES_ANNRET, "annualized_return")

/* active_share(summary): the active share of the pairs the summary keeps. */
extern PGDLLEXPORT Datum active_share_final(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(active_share_read);
Datum
active_share_read(PG_FUNCTION_ARGS)
{
	ws_check_summary(fcinfo, 0, WS_ACTIVE, "active_share");
	return active_share_final(fcinfo);
}

/*
 * compound_return(summary): reads both kinds compound_return_summary makes,
 * without min_periods (ES_COMPOUND) and with it (ES_COMPOUND_MIN: NULL for
 * fewer non-NULL returns than min_periods over all the rolled-up rows).
 */
extern PGDLLEXPORT Datum compound_return_final(PG_FUNCTION_ARGS);
extern PGDLLEXPORT Datum compound_return_min_final(PG_FUNCTION_ARGS);
PG_FUNCTION_INFO_V1(compound_return_read);
Datum
compound_return_read(PG_FUNCTION_ARGS)
{
	const ExactSum *st;

	st = (const ExactSum *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	fcinfo->args[0].value = PointerGetDatum(st);
	if (VARSIZE(st) >= sizeof(ExactSum) && st->magic == ES_MAGIC &&
		st->version == ES_VERSION && st->kind == ES_COMPOUND_MIN)
		return compound_return_min_final(fcinfo);
	es_check_summary(fcinfo, 0, ES_COMPOUND, "compound_return");
	return compound_return_final(fcinfo);
}
