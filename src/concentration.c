/*
 * concentration.c
 *	  Concentration of index constituents and portfolios: hhi() and
 *	  effective_n().
 *
 * Both aggregates share one state (exactsum of kind ES_HHI) holding the
 * exact sums Σ|w| and Σw², and differ only in the final function:
 *
 *		hhi = Σw² / (Σ|w|)²			effective_n = (Σ|w|)² / Σw²
 *
 * Normalising by the total makes fractions, percents and market caps give
 * the same answer.  In 'net' mode (the default) a negative weight is an
 * error; 'gross' mode normalises long/short books by Σ|w|.
 */
#include "exactsum.h"
#include "weightset.h"

#include "miscadmin.h"
#include "utils/builtins.h"

#include <float.h>

PG_FUNCTION_INFO_V1(hhi_accum);
PG_FUNCTION_INFO_V1(hhi_accum_mode);
PG_FUNCTION_INFO_V1(hhi_final);
PG_FUNCTION_INFO_V1(effective_n_final);
PG_FUNCTION_INFO_V1(hhi_inv);
PG_FUNCTION_INFO_V1(hhi_inv_mode);

#define HHI_ABS		0			/* Σ|w| */
#define HHI_SQ		1			/* Σw² */

/* The mode named by a text argument: 'net' or 'gross' (any case). */
static int
ParseMode(FunctionCallInfo fcinfo, int argno)
{
	text	   *t;
	const char *s;
	int			len;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: mode must be 'net' or 'gross', not NULL",
						ta_funcname(fcinfo, "hhi"))));
	t = PG_GETARG_TEXT_PP(argno);
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	if (len == 3 && pg_strncasecmp(s, "net", 3) == 0)
		return ES_MODE_NET;
	if (len == 5 && pg_strncasecmp(s, "gross", 5) == 0)
		return ES_MODE_GROSS;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: unknown mode \"%s\"", ta_funcname(fcinfo, "hhi"),
					text_to_cstring(t)),
			 errhint("Use 'net' (weights must not be negative) or 'gross' (normalise by the sum of absolute weights).")));
	pg_unreachable();
}

/*
 * Adds one weight to an hhi state (created on the first non-NULL weight).
 * Inlined into each transition function, so that the mode is a constant on
 * the hot path of hhi(weight).
 */
static pg_attribute_always_inline Datum
HhiAccum(FunctionCallInfo fcinfo, int mode)
{
	ExactSum   *st;
	double		w;

	st = es_getarg(fcinfo, 0, ES_HHI, "hhi");
	if (PG_ARGISNULL(1))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_HHI, mode);
		es_return(fcinfo, st);
	}
	w = PG_GETARG_FLOAT8(1);
	if (unlikely(!(fabs(w) <= DBL_MAX)))	/* NaN or infinite */
		ta_report_not_finite(ta_funcname(fcinfo, "hhi"), "weight", w);
	if (unlikely(w < 0) && mode == ES_MODE_NET)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: negative weight %s in net mode",
						ta_funcname(fcinfo, "hhi"), float8out_internal(w)),
				 errhint("For long/short books use the gross mode, e.g. %s(weight, 'gross'), which normalises by the sum of absolute weights.",
						 ta_funcname(fcinfo, "hhi"))));
	if (st == NULL)
		st = es_create(ES_HHI, mode);
	else if (unlikely(st->mode != mode))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: mode must be the same for every row of a group",
						ta_funcname(fcinfo, "hhi"))));
	st = es_add(fcinfo, st, HHI_ABS, fabs(w));
	st = es_add_square(fcinfo, st, HHI_SQ, w);
	st->count++;
	es_return(fcinfo, st);
}

/* hhi(weight), effective_n(weight): transition function. */
Datum
hhi_accum(PG_FUNCTION_ARGS)
{
	return HhiAccum(fcinfo, ES_MODE_NET);
}

/* hhi(weight, mode), effective_n(weight, mode): transition function. */
Datum
hhi_accum_mode(PG_FUNCTION_ARGS)
{
	return HhiAccum(fcinfo, ParseMode(fcinfo, 2));
}

/* Removes one weight from an hhi state: its terms, exactly. */
static Datum
HhiInv(FunctionCallInfo fcinfo, int mode)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_HHI, "hhi");
	double		w;

	if (PG_ARGISNULL(1) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "hhi");
	w = PG_GETARG_FLOAT8(1);
	if (unlikely(isnan(w) || isinf(w)))
		ta_report_not_finite(ta_funcname(fcinfo, "hhi"), "weight", w);
	if (unlikely(st->mode != mode))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: mode must be the same for every row of a group",
						ta_funcname(fcinfo, "hhi"))));
	st = es_add(fcinfo, st, HHI_ABS, -fabs(w));
	st = es_add_prod(fcinfo, st, HHI_SQ, -w, w);
	st = es_removed(fcinfo, st, "hhi");
	es_return(fcinfo, st);
}

/* hhi(weight), effective_n(weight): inverse transition function. */
Datum
hhi_inv(PG_FUNCTION_ARGS)
{
	return HhiInv(fcinfo, ES_MODE_NET);
}

/* hhi(weight, mode), effective_n(weight, mode): inverse transition function. */
Datum
hhi_inv_mode(PG_FUNCTION_ARGS)
{
	return HhiInv(fcinfo, ParseMode(fcinfo, 2));
}

/* hhi: Σw² / (Σ|w|)²; NULL for no rows or a zero total. */
Datum
hhi_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_HHI, "hhi");
	double		r;

	if (st == NULL || st->count == 0 ||
		!es_ratio(st, HHI_SQ, 1, HHI_ABS, 2, "hhi", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/* effective_n: (Σ|w|)² / Σw²; NULL for no rows or a zero total. */
Datum
effective_n_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_HHI, "effective_n");
	double		r;

	if (st == NULL || st->count == 0 ||
		!es_ratio(st, HHI_ABS, 2, HHI_SQ, 1, "effective_n", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/*
 * top_share(), share_above(), count_above() and active_share().
 *
 * These need the weights themselves, not only their sums, so their state
 * is a weightset (weightset.h): the n largest weights and the exact total
 * for top_share; the exact total and the weights that can still end above
 * the threshold for share_above and count_above (a name's share is known
 * only once the total is, but the total only grows); every (portfolio,
 * benchmark) pair for active_share.  Each result is computed from exact sums of the
 * selected weights over the exact total, so it depends only on the multiset
 * of rows, never on their order or on the plan.
 */

PG_FUNCTION_INFO_V1(top_share_accum);
PG_FUNCTION_INFO_V1(top_share_final);
PG_FUNCTION_INFO_V1(share_above_accum);
PG_FUNCTION_INFO_V1(share_above_final);
PG_FUNCTION_INFO_V1(count_above_final);
PG_FUNCTION_INFO_V1(active_share_accum);
PG_FUNCTION_INFO_V1(active_share_final);
PG_FUNCTION_INFO_V1(top_share_read);
PG_FUNCTION_INFO_V1(share_above_read);
PG_FUNCTION_INFO_V1(count_above_read);

/* qsort comparator: descending weights. */
static int
CompareWeightsDesc(const void *x, const void *y)
{
	double		a = *(const double *) x;
	double		b = *(const double *) y;

	return (a < b) - (a > b);
}

/* Reports a weight that is NaN, infinite or negative (CheckWeight). */
static pg_noinline void
ReportBadWeight(FunctionCallInfo fcinfo, const char *dflt, const char *argname,
				double w)
{
	if (isnan(w) || isinf(w))
		ta_report_not_finite(ta_funcname(fcinfo, dflt), argname, w);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: negative %s %s", ta_funcname(fcinfo, dflt),
					argname, float8out_internal(w)),
			 errhint("Concentration measures take holdings or market caps, which are not negative.")));
}

/*
 * Rejects NaN, infinities and negative weights (one compare on the usual
 * path: NaN fails both tests); returns w with -0 as 0.
 */
static inline double
CheckWeight(FunctionCallInfo fcinfo, const char *dflt, const char *argname,
			double w)
{
	if (unlikely(!(w >= 0 && w <= DBL_MAX)))
		ReportBadWeight(fcinfo, dflt, argname, w);
	return w + 0.0;
}

/* Raises an error when a row's n or threshold differs from the group's. */
static void
ReportParamChanged(FunctionCallInfo fcinfo, const char *dflt,
				   const char *argname, double was, double now)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s must be the same for every row of a group, got %s after %s",
					ta_funcname(fcinfo, dflt), argname,
					float8out_internal(now), float8out_internal(was))));
}

/* top_share(weight, n): transition function. */
Datum
top_share_accum(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_TOP, "top_share");
	int32		n;
	double		w;

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("top_share: n must not be NULL")));
	n = PG_GETARG_INT32(2);
	if (unlikely(n < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("top_share: n must be at least 1, got %d", n)));
	if (st != NULL && unlikely(st->param != n))
		ReportParamChanged(fcinfo, "top_share", "n", st->param, n);
	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		return ws_return(fcinfo, st);
	}
	w = CheckWeight(fcinfo, "top_share", "weight", PG_GETARG_FLOAT8(1));
	if (st == NULL)
		st = ws_create(WS_TOP, n);
	return ws_return(fcinfo, ws_top_add(fcinfo, st, w));
}

/*
 * The summary of kind in argument 0 of an accessor with an optional count
 * (top_share, top_contribution, names_to_match), refused when of another
 * kind, and in *n the count asked for (argument 1, by default the one the
 * summary was made with), at least 1 and, when keeps_n, no more than the
 * summary keeps (of what: the question's noun, for the error; hint: the
 * summary aggregate to make instead, with %d for the count).
 */
static WeightSet *
SummaryWithCount(FunctionCallInfo fcinfo, int kind, const char *fname,
				 const char *argname, bool keeps_n, const char *what,
				 const char *hint, int32 *n)
{
	WeightSet  *st;

	ws_check_summary(fcinfo, 0, kind, fname);
	st = ws_getarg(fcinfo, 0, kind, fname);
	*n = PG_NARGS() > 1 ? PG_GETARG_INT32(1) : (int32) st->param;
	if (*n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must be at least 1, got %d", fname, argname, *n)));
	if (keeps_n && *n > st->param)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: the summary keeps the %d largest weights and cannot give the %s of the top %d",
						fname, (int) st->param, what, *n),
				 errhint(hint, *n)));
	return st;
}

/*
 * The share of the n largest weights of a valid WS_TOP state that keeps at
 * least n (1.0 with n names or fewer); false for no rows or a zero total.
 */
static bool
TopShare(WeightSet *st, int64 n, const char *fname, double *result)
{
	XSum	   *top;
	double	   *v;
	int			k = st->nvals;

	if (st->count == 0 || xsum_sign(ws_total(st)) == 0)
		return false;
	/* fewer names than n: all of the weight */
	if (st->count <= n)
	{
		*result = 1.0;
		return true;
	}
	v = ws_values(st);
	if (n < st->nvals)
	{
		/* a summary read for fewer names: the n largest of those kept */
		double	   *sorted = palloc(sizeof(double) * st->nvals);

		memcpy(sorted, v, sizeof(double) * st->nvals);
		qsort(sorted, st->nvals, sizeof(double), CompareWeightsDesc);
		v = sorted;
		k = (int) n;
	}
	top = es_acc_new();
	for (int i = 0; i < k; i++)
	{
		CHECK_FOR_INTERRUPTS();
		top = es_acc_add(top, v[i], fname);
	}
	if (xsum_ratio(top, 1, ws_total(st), 1, result) != XSUM_OK)
		ta_report_out_of_range(fname);
	return true;
}

/* top_share: exact sum of the n largest over the exact total. */
Datum
top_share_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_TOP, "top_share");
	double		r;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	ws_check_values(fcinfo, st, "top_share");
	if (!TopShare(st, (int64) st->param, "top_share", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/*
 * top_share(summary [, n]): the share of the n largest weights (by default
 * the n the summary keeps), for n up to the n it keeps.
 */
Datum
top_share_read(PG_FUNCTION_ARGS)
{
	int32		n;
	WeightSet  *st = SummaryWithCount(fcinfo, WS_TOP, "top_share", "n", true, "share",
									  "Make the summary with top_share_summary(weight, %d) or a larger n.",
									  &n);
	double		r;

	if (!TopShare(st, n, "top_share", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/*
 * share_above(weight, threshold [, inclusive]), count_above(): transition
 * function.
 */
Datum
share_above_accum(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ABOVE, "share_above");
	double		threshold;
	double		w;
	uint16		flags = 0;

	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: inclusive must not be NULL",
							ta_funcname(fcinfo, "share_above"))));
		flags = PG_GETARG_BOOL(3) ? WS_FLAG_INCLUSIVE : 0;
		if (st != NULL && unlikely(st->flags != flags))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: inclusive must be the same for every row of a group",
							ta_funcname(fcinfo, "share_above"))));
	}

	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: threshold must not be NULL",
						ta_funcname(fcinfo, "share_above"))));
	threshold = PG_GETARG_FLOAT8(2);
	if (st != NULL && likely(st->param == threshold))
		 /* the group's threshold, already checked */ ;
	else if (st != NULL)
		ReportParamChanged(fcinfo, "share_above", "threshold", st->param,
						   threshold);
	else if (unlikely(isnan(threshold) || isinf(threshold)))
		ta_report_not_finite(ta_funcname(fcinfo, "share_above"), "threshold",
							 threshold);
	else if (unlikely(threshold < 0 || threshold >= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: threshold must be a share in [0, 1), got %s",
						ta_funcname(fcinfo, "share_above"),
						float8out_internal(threshold)),
				 errhint("The threshold is a fraction of the total: 3 %% is 0.03.")));
	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		return ws_return(fcinfo, st);
	}
	w = CheckWeight(fcinfo, "share_above", "weight", PG_GETARG_FLOAT8(1));
	if (st == NULL)
	{
		st = ws_create(WS_ABOVE, threshold + 0.0);
		st->flags = flags;
	}
	return ws_return(fcinfo, ws_above_add(fcinfo, st, w));
}

/*
 * Whether a weight's share w / total, as xsum_ratio computes it from the
 * exact total (within one ulp), is strictly above the threshold, or at or
 * above it with inclusive.  td is
 * the total rounded to double (0 when it does not fit): the quotient w / td
 * is within 3 ulps of the true share, so far from the threshold it decides
 * alone and only the few weights near it need the exact ratio.  Either way
 * the answer depends only on w and the exact total.
 */
static bool
IsAbove(double w, double td, const XSum *total, double threshold,
		bool inclusive, XSum *tmp)
{
	double		r;

	if (w == 0)
		return inclusive && threshold == 0;	/* a zero share is never above */
	if (td > 0)
	{
		double		s = w / td;

		if (s >= 0x1p-960)
		{
			if (s > threshold * (1 + 0x1p-48))
				return true;
			if (s < threshold * (1 - 0x1p-48))
				return false;
		}
		else if (threshold >= 0x1p-900)
			return false;
	}
	xsum_init(tmp, XSUM_DEFAULT_CHUNKS);
	if (xsum_add(tmp, w) != 0)
		elog(ERROR, "share_above: one weight does not fit an empty accumulator");
	if (xsum_ratio(tmp, 1, total, 1, &r) != XSUM_OK)
		return false;			/* a share cannot overflow; total is > 0 */
	return inclusive ? r >= threshold : r > threshold;
}

/*
 * The share and the number of names whose share is strictly above the
 * threshold, or at or above it with inclusive (the state's own threshold,
 * or one its summary can answer: AboveSummary); false when there are no
 * rows or the total is zero.  The weights dropped have shares below the
 * threshold, except zero weights, whose share 0 is "at or above" a
 * threshold of 0: with inclusive and threshold 0 every name counts.
 */
static bool
ComputeAbove(FunctionCallInfo fcinfo, WeightSet *st, double threshold,
			 bool inclusive, const char *fname, double *share, int64 *count)
{
	double	   *v = ws_values(st);
	XSum	   *total = ws_total(st);
	XSum	   *above;
	XSum	   *tmp;
	double		td;
	int64		k = 0;

	if (st->count == 0 || xsum_sign(total) == 0)
		return false;
	ws_check_values(fcinfo, st, fname);
	if (inclusive && threshold == 0)
	{
		*count = st->count;
		*share = 1.0;
		return true;
	}
	if (xsum_round(total, &td) != XSUM_OK)
		td = 0;
	above = es_acc_new();
	tmp = palloc(xsum_size(XSUM_DEFAULT_CHUNKS));
	for (int i = 0; i < st->nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (IsAbove(v[i], td, total, threshold, inclusive, tmp))
		{
			above = es_acc_add(above, v[i], fname);
			k++;
		}
	}
	*count = k;
	if (xsum_ratio(above, 1, total, 1, share) != XSUM_OK)
		ta_report_out_of_range(fname);
	return true;
}

/* share_above: total share of the names above the threshold. */
Datum
share_above_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ABOVE, "share_above");
	double		share;
	int64		count;

	if (st == NULL || !ComputeAbove(fcinfo, st, st->param,
									   (st->flags & WS_FLAG_INCLUSIVE) != 0,
									   "share_above", &share, &count))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(share);
}

/* count_above: number of names above the threshold. */
Datum
count_above_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ABOVE, "count_above");
	double		share;
	int64		count;

	if (st == NULL || !ComputeAbove(fcinfo, st, st->param,
									   (st->flags & WS_FLAG_INCLUSIVE) != 0,
									   "count_above", &share, &count))
		PG_RETURN_NULL();
	PG_RETURN_INT64(count);
}

/*
 * The valid WS_ABOVE summary in argument 0, and the threshold and
 * inclusiveness to read it at: by default the summary's own; with a
 * threshold argument, strictly above it (as share_above(weight, threshold)),
 * or at or above it with a third argument true.
 *
 * A summary made at threshold t dropped only names whose share is at or
 * below t, or below t when it is inclusive (share_above_summary(w, t,
 * true)).  So it answers exactly "above t'" for every t' >= t, and "at or
 * above t'" for t' > t, or t' >= t when it is inclusive; "at or above 0" is
 * every name, which any summary answers from its row count.  Any other
 * question is refused: the names it needs may be gone.
 */
static WeightSet *
AboveSummary(FunctionCallInfo fcinfo, const char *fname, double *threshold,
			 bool *inclusive)
{
	WeightSet  *st;
	double		t;
	bool		incl = false;
	bool		st_incl;

	ws_check_summary(fcinfo, 0, WS_ABOVE, fname);
	st = ws_getarg(fcinfo, 0, WS_ABOVE, fname);
	st_incl = (st->flags & WS_FLAG_INCLUSIVE) != 0;
	if (PG_NARGS() < 2)
	{
		*threshold = st->param;
		*inclusive = st_incl;
		return st;
	}
	t = PG_GETARG_FLOAT8(1);
	if (PG_NARGS() > 2)
		incl = PG_GETARG_BOOL(2);
	ta_check_finite(fname, "threshold", t);
	if (t < 0 || t >= 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: threshold must be a share in [0, 1), got %s",
						fname, float8out_internal(t)),
				 errhint("The threshold is a fraction of the total: 3 %% is 0.03.")));
	if (!(incl && t == 0) &&
		(t < st->param || (incl && t == st->param && !st_incl)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: the summary keeps only the names %s %s and cannot answer for the names %s %s",
						fname, st_incl ? "at or above" : "above",
						float8out_internal(st->param),
						incl ? "at or above" : "above", float8out_internal(t)),
				 errhint("Make the summary with share_above_summary(weight, %s%s) or a lower threshold.",
						 float8out_internal(t), incl ? ", true" : "")));
	*threshold = t + 0.0;
	*inclusive = incl;
	return st;
}

/* share_above(summary [, threshold [, inclusive]]): total share of the names above. */
Datum
share_above_read(PG_FUNCTION_ARGS)
{
	double		threshold;
	bool		inclusive;
	WeightSet  *st = AboveSummary(fcinfo, "share_above", &threshold, &inclusive);
	double		share;
	int64		count;

	if (!ComputeAbove(fcinfo, st, threshold, inclusive, "share_above", &share, &count))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(share);
}

/* count_above(summary [, threshold [, inclusive]]): number of names above. */
Datum
count_above_read(PG_FUNCTION_ARGS)
{
	double		threshold;
	bool		inclusive;
	WeightSet  *st = AboveSummary(fcinfo, "count_above", &threshold, &inclusive);
	double		share;
	int64		count;

	if (!ComputeAbove(fcinfo, st, threshold, inclusive, "count_above", &share, &count))
		PG_RETURN_NULL();
	PG_RETURN_INT64(count);
}

/* active_share(portfolio_weight, benchmark_weight): transition function. */
Datum
active_share_accum(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ACTIVE, "active_share");
	double		p = 0;
	double		b = 0;

	if (PG_ARGISNULL(1) && PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		return ws_return(fcinfo, st);
	}
	/* a NULL side is a name that side does not hold */
	if (!PG_ARGISNULL(1))
		p = CheckWeight(fcinfo, "active_share", "portfolio weight",
						PG_GETARG_FLOAT8(1));
	if (!PG_ARGISNULL(2))
		b = CheckWeight(fcinfo, "active_share", "benchmark weight",
						PG_GETARG_FLOAT8(2));
	if (st == NULL)
		st = ws_create(WS_ACTIVE, 0);
	return ws_return(fcinfo, ws_append(st, p, b));
}

/* At most this many pieces: a total spans fewer than 2^1088 / 2^-1074. */
#define AS_MAX_PIECES 64

/*
 * A total split exactly into pieces m[j] * s[j], largest first: m[j] a
 * double, s[j] = 1, or 2^64 for the few pieces of a total beyond the double
 * range.  Sums of weights of similar size take one or two pieces.
 */
typedef struct SplitTotal
{
	int			n;
	double		m[AS_MAX_PIECES];
	double		s[AS_MAX_PIECES];
} SplitTotal;

/*
 * An exact sum t split into pieces (consumed: t ends at zero); false when it
 * is zero.  Each piece takes the top bits of what is left (the rest shrinks
 * by 2^52 or more), and every value here is a multiple of 2^-1074, so the
 * pieces end exactly.
 */
static bool
SplitSum(XSum *t, SplitTotal *sp)
{
	XSum	   *scale = es_acc_new();

	scale = es_acc_add(scale, 0x1p64, "active_share");
	sp->n = 0;
	while (xsum_sign(t) != 0)
	{
		double		h;
		double		f = 1;

		if (sp->n == AS_MAX_PIECES)
			elog(ERROR, "active_share: a total does not split into %d doubles",
				 AS_MAX_PIECES);
		if (xsum_round(t, &h) != XSUM_OK)
		{
			/* beyond the double range: a piece of h * 2^64, h within an ulp */
			f = 0x1p64;
			if (xsum_ratio(t, 1, scale, 1, &h) != XSUM_OK)
				elog(ERROR, "active_share: a total is beyond 2^1088");
		}
		sp->m[sp->n] = h;
		sp->s[sp->n] = f;
		sp->n++;
		t = f == 1 ? es_acc_add(t, -h, "active_share") :
			es_acc_add_prod(t, -h, f, "active_share");
	}
	pfree(t);
	pfree(scale);
	return sp->n > 0;
}

/*
 * The exact total of one side (col 0: portfolio, 1: benchmark) of the
 * pairs, split into pieces (SplitSum); false when it is zero.
 */
static bool
SplitSide(const double *v, int nvals, int col, SplitTotal *sp)
{
	XSum	   *t = es_acc_new();

	for (int i = 0; i < nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		t = es_acc_add(t, v[2 * i + col], "active_share");
	}
	return SplitSum(t, sp);
}

/* a += 2 * X * T exactly, for split sums X and T. */
static XSum *
AddTwiceProduct(XSum *a, double sign, const SplitTotal *x, const SplitTotal *t)
{
	for (int j = 0; j < x->n; j++)
		for (int k = 0; k < t->n; k++)
			a = es_acc_add_prod3(a, sign * x->m[j], t->m[k],
								 2 * x->s[j] * t->s[k], "active_share");
	return a;
}

/* Adds sign * x * T exactly, for a split total T. */
static XSum *
AddTimesTotal(XSum *a, double x, const SplitTotal *t, const char *fname)
{
	for (int j = 0; j < t->n; j++)
		a = t->s[j] == 1 ? es_acc_add_prod(a, x, t->m[j], fname) :
			es_acc_add_prod3(a, x, t->m[j], t->s[j], fname);
	return a;
}

/*
 * Sign of p·B − b·P, exactly: the double products of the top pieces decide
 * when they are far apart, the exact sum otherwise.
 */
static int
SignOfTerm(double p, double b, const SplitTotal *P, const SplitTotal *B,
		   XSum **tmp)
{
	double		d1 = p * B->m[0];
	double		d2 = b * P->m[0];

	if (p == 0 || b == 0)
		return (p > 0) - (b > 0);
	if ((d1 == 0 || d1 >= 0x1p-900) && (d2 == 0 || d2 >= 0x1p-900))
	{
		double		diff;

		/* the same factor on both sides: exact unless it overflows */
		if (B->s[0] > P->s[0])
			d1 *= B->s[0];
		else if (P->s[0] > B->s[0])
			d2 *= P->s[0];
		diff = d1 - d2;
		if (isfinite(d1) && isfinite(d2) && isfinite(diff))
		{
			/* the top pieces are within 2^-52 of the totals */
			if (diff > (d1 + d2) * 0x1p-48)
				return 1;
			if (-diff > (d1 + d2) * 0x1p-48)
				return -1;
		}
	}
	xsum_init(*tmp, (*tmp)->n);
	*tmp = AddTimesTotal(*tmp, p, B, "active_share");
	*tmp = AddTimesTotal(*tmp, -b, P, "active_share");
	return xsum_sign(*tmp);
}

/*
 * active_share: ½ Σ |p/P − b/B|, computed as Σ |p·B − b·P| / (2·P·B) with
 * the totals P and B exact (split into doubles) and the sign of every term
 * decided exactly.  The terms p·B − b·P add up to P·B − B·P = 0, so the sum
 * of their magnitudes is twice the sum of the positive ones,
 * 2·(B·Σp − P·Σb) over the pairs whose term is positive: two exact sums of
 * the weights, multiplied by the totals once.  Numerator and denominator
 * are exact, so the result is within one ulp of the exact value
 * (xsum_ratio), even for totals beyond the double range, and depends only
 * on the multiset of pairs.
 */
Datum
active_share_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ACTIVE, "active_share");
	double	   *v;
	SplitTotal *P;
	SplitTotal *B;
	SplitTotal *SP;
	SplitTotal *SB;
	XSum	   *sp;
	XSum	   *sb;
	XSum	   *num;
	XSum	   *den;
	XSum	   *tmp;
	double		r;

	if (st == NULL || st->nvals == 0)
		PG_RETURN_NULL();
	ws_check_values(fcinfo, st, "active_share");
	v = ws_values(st);
	P = palloc(sizeof(SplitTotal));
	B = palloc(sizeof(SplitTotal));
	if (!SplitSide(v, st->nvals, 0, P) || !SplitSide(v, st->nvals, 1, B))
		PG_RETURN_NULL();

	/* Σp and Σb over the pairs whose term p·B − b·P is positive */
	sp = es_acc_new();
	sb = es_acc_new();
	tmp = es_acc_new();
	for (int i = 0; i < st->nvals; i++)
	{
		double		p = v[2 * i];
		double		b = v[2 * i + 1];

		CHECK_FOR_INTERRUPTS();
		if (SignOfTerm(p, b, P, B, &tmp) <= 0)
			continue;
		sp = es_acc_add(sp, p, "active_share");
		sb = es_acc_add(sb, b, "active_share");
	}
	SP = palloc(sizeof(SplitTotal));
	SB = palloc(sizeof(SplitTotal));
	num = es_acc_new();
	if (SplitSum(sp, SP))
		num = AddTwiceProduct(num, 1, SP, B);
	if (SplitSum(sb, SB))
		num = AddTwiceProduct(num, -1, SB, P);
	den = es_acc_new();
	for (int j = 0; j < P->n; j++)
		for (int k = 0; k < B->n; k++)
			den = es_acc_add_prod3(den, P->m[j], B->m[k],
								   2 * P->s[j] * B->s[k], "active_share");
	if (xsum_ratio(num, 1, den, 1, &r) != XSUM_OK)
		ta_report_out_of_range("active_share");
	PG_RETURN_FLOAT8(r);
}

/*
 * top_contribution(weight, ret, n) and names_to_match(weight, n_largest).
 *
 * top_contribution keeps the n largest (weight, return) pairs (ordered by
 * weight, then by return, so that ties at the cut do not depend on the
 * order of the rows) and the exact total Σw·r; names_to_match keeps every
 * weight.  Both results come from exact sums, so they depend only on the
 * multiset of rows.
 */
PG_FUNCTION_INFO_V1(top_contribution_accum);
PG_FUNCTION_INFO_V1(top_contribution_final);
PG_FUNCTION_INFO_V1(names_to_match_accum);
PG_FUNCTION_INFO_V1(names_to_match_final);

/* The n of a row: not NULL, at least 1, the same as the group's. */
static int32
CountArg(FunctionCallInfo fcinfo, int argno, WeightSet *st, const char *dflt,
		 const char *argname)
{
	int32		n;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must not be NULL", ta_funcname(fcinfo, dflt),
						argname)));
	n = PG_GETARG_INT32(argno);
	if (unlikely(n < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must be at least 1, got %d",
						ta_funcname(fcinfo, dflt), argname, n)));
	if (st != NULL && unlikely(st->param != n))
		ReportParamChanged(fcinfo, dflt, argname, st->param, n);
	return n;
}

/* top_contribution(weight, ret, n): transition function. */
Datum
top_contribution_accum(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_CONTRIB, "top_contribution");
	int32		n = CountArg(fcinfo, 3, st, "top_contribution", "n");
	double		w,
				r;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		return ws_return(fcinfo, st);
	}
	w = CheckWeight(fcinfo, "top_contribution", "weight", PG_GETARG_FLOAT8(1));
	r = PG_GETARG_FLOAT8(2);
	if (unlikely(isnan(r) || isinf(r)))
		ta_report_not_finite(ta_funcname(fcinfo, "top_contribution"), "ret", r);
	if (st == NULL)
		st = ws_create(WS_CONTRIB, n);
	return ws_return(fcinfo, ws_contrib_add(fcinfo, st, w, r + 0.0));
}

/* Comparator of (weight, return) pairs, descending by weight, then return. */
static int
ComparePairsDesc(const void *a, const void *b)
{
	const double *x = a;
	const double *y = b;

	CHECK_FOR_INTERRUPTS();
	if (x[0] != y[0])
		return x[0] > y[0] ? -1 : 1;
	if (x[1] != y[1])
		return x[1] > y[1] ? -1 : 1;
	return 0;
}

/*
 * Σw·r of the m largest weights (m up to the n the state keeps) over Σw·r
 * of all, from exact sums (any sign: a top that gained while the rest lost
 * gives more than 1); 1 with m names or fewer; false for no rows or a zero
 * total.  The state keeps the n largest pairs in the order of (weight,
 * return), so the m largest of them are the m largest of all the rows.
 */
static bool
TopContribution(FunctionCallInfo fcinfo, WeightSet *st, int64 m, double *r)
{
	XSum	   *top;
	double	   *v;
	int64		k;

	if (st->count == 0)
		return false;
	ws_check_values(fcinfo, st, "top_contribution");
	if (xsum_sign(ws_total(st)) == 0)
		return false;
	if (st->count <= m)
	{
		*r = 1.0;
		return true;
	}
	v = ws_values(st);
	k = st->nvals;
	if (m < k)
	{
		v = palloc((Size) k * 2 * sizeof(double));
		memcpy(v, ws_values(st), (Size) k * 2 * sizeof(double));
		qsort(v, k, 2 * sizeof(double), ComparePairsDesc);
		k = m;
	}
	top = es_acc_new();
	for (int64 i = 0; i < k; i++)
	{
		CHECK_FOR_INTERRUPTS();
		top = es_acc_add_prod(top, v[2 * i], v[2 * i + 1], "top_contribution");
	}
	if (xsum_ratio(top, 1, ws_total(st), 1, r) != XSUM_OK)
		ta_report_out_of_range("top_contribution");
	return true;
}

/* top_contribution: the share of Σw·r from the n largest weights. */
Datum
top_contribution_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_CONTRIB, "top_contribution");
	double		r;

	if (st == NULL || !TopContribution(fcinfo, st, (int64) st->param, &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/*
 * top_contribution(summary [, n]): the share of the n largest weights (by
 * default the n the summary keeps), for n up to the n it keeps.
 */
PG_FUNCTION_INFO_V1(top_contribution_read);
Datum
top_contribution_read(PG_FUNCTION_ARGS)
{
	int32		n;
	WeightSet  *st = SummaryWithCount(fcinfo, WS_CONTRIB, "top_contribution", "n", true,
									  "contribution",
									  "Make the summary with top_contribution_summary(weight, ret, %d) or a larger n.",
									  &n);
	double		r;

	if (!TopContribution(fcinfo, st, n, &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/* names_to_match(weight, n_largest): transition function. */
Datum
names_to_match_accum(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_MATCH, "names_to_match");
	int32		n = CountArg(fcinfo, 2, st, "names_to_match", "n_largest");
	double		w;

	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		return ws_return(fcinfo, st);
	}
	w = CheckWeight(fcinfo, "names_to_match", "weight", PG_GETARG_FLOAT8(1));
	if (st == NULL)
		st = ws_create(WS_MATCH, n);
	ws_check_count(fcinfo, st->count, "names_to_match");
	return ws_return(fcinfo, ws_append_weight(st, w));
}

/* Comparator of doubles, ascending (a sort of many weights stays cancellable). */
static int
CompareAscending(const void *a, const void *b)
{
	double		x = *(const double *) a;
	double		y = *(const double *) b;

	CHECK_FOR_INTERRUPTS();
	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The least k such that the k smallest weights add up to at least the n
 * largest, compared exactly; false when there are no more than n names,
 * when every weight is zero, or when all the others together weigh less
 * than the n largest.
 */
static bool
NamesToMatch(FunctionCallInfo fcinfo, WeightSet *st, int64 n, int64 *result)
{
	int64		m;
	double	   *v;
	XSum	   *acc;

	ws_check_values(fcinfo, st, "names_to_match");
	m = st->nvals;
	if (m <= n)
		return false;
	v = palloc(m * sizeof(double));
	memcpy(v, ws_values(st), m * sizeof(double));
	qsort(v, m, sizeof(double), CompareAscending);
	if (v[m - 1] == 0)
		return false;
	/* acc = Σ of the k smallest − Σ of the n largest */
	acc = es_acc_new();
	for (int64 i = m - n; i < m; i++)
	{
		CHECK_FOR_INTERRUPTS();
		acc = es_acc_add(acc, -v[i], "names_to_match");
	}
	for (int64 k = 0; k < m - n; k++)
	{
		CHECK_FOR_INTERRUPTS();
		acc = es_acc_add(acc, v[k], "names_to_match");
		if (xsum_sign(acc) >= 0)
		{
			*result = k + 1;
			return true;
		}
	}
	return false;
}

/* names_to_match: how many smallest names match the n largest. */
Datum
names_to_match_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_MATCH, "names_to_match");
	int64		k;

	if (st == NULL || !NamesToMatch(fcinfo, st, (int64) st->param, &k))
		PG_RETURN_NULL();
	PG_RETURN_INT64(k);
}

/*
 * names_to_match(summary [, n_largest]): the summary keeps every weight,
 * so it answers for any n_largest >= 1 (by default its own).
 */
PG_FUNCTION_INFO_V1(names_to_match_read);
Datum
names_to_match_read(PG_FUNCTION_ARGS)
{
	int32		n;
	WeightSet  *st = SummaryWithCount(fcinfo, WS_MATCH, "names_to_match", "n_largest",
									  false, NULL, NULL, &n);
	int64		k;

	if (!NamesToMatch(fcinfo, st, n, &k))
		PG_RETURN_NULL();
	PG_RETURN_INT64(k);
}
