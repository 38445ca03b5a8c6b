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

/* Adds one weight to an hhi state (created on the first non-NULL weight). */
static Datum
HhiAccum(FunctionCallInfo fcinfo, int mode)
{
	ExactSum   *st;
	double		w;

	st = es_getarg(fcinfo, 0, ES_HHI, "hhi");
	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	w = PG_GETARG_FLOAT8(1);
	if (unlikely(isnan(w) || isinf(w)))
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
	st = es_add(st, HHI_ABS, fabs(w));
	st = es_add_prod(st, HHI_SQ, w, w);
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

/* Rejects NaN, infinities and negative weights; returns w with -0 as 0. */
static double
CheckWeight(FunctionCallInfo fcinfo, const char *dflt, const char *argname,
			double w)
{
	if (unlikely(isnan(w) || isinf(w)))
		ta_report_not_finite(ta_funcname(fcinfo, dflt), argname, w);
	if (unlikely(w < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: negative %s %s", ta_funcname(fcinfo, dflt),
						argname, float8out_internal(w)),
				 errhint("Concentration measures take holdings or market caps, which are not negative.")));
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

/* top_share: exact sum of the n largest over the exact total. */
Datum
top_share_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_TOP, "top_share");
	XSum	   *top;
	double	   *v;
	double		r;
	int			rc;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	ws_check_values(fcinfo, st, "top_share");
	if (xsum_sign(ws_total(st)) == 0)
		PG_RETURN_NULL();
	/* fewer names than n: all of the weight */
	if (st->count <= st->param)
		PG_RETURN_FLOAT8(1.0);
	top = ws_sum_new();
	v = ws_values(st);
	for (int i = 0; i < st->nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		top = ws_sum_add(top, v[i], "top_share");
	}
	rc = xsum_ratio(top, 1, ws_total(st), 1, &r);
	if (rc != XSUM_OK)
		ta_report_out_of_range("top_share");
	PG_RETURN_FLOAT8(r);
}

/* share_above(weight, threshold), count_above(): transition function. */
Datum
share_above_accum(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ABOVE, "share_above");
	double		threshold;
	double		w;

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
		st = ws_create(WS_ABOVE, threshold + 0.0);
	return ws_return(fcinfo, ws_above_add(fcinfo, st, w));
}

/*
 * Whether a weight's share w / total, as xsum_ratio computes it from the
 * exact total (within one ulp), is strictly above the threshold.  td is
 * the total rounded to double (0 when it does not fit): the quotient w / td
 * is within 3 ulps of the true share, so far from the threshold it decides
 * alone and only the few weights near it need the exact ratio.  Either way
 * the answer depends only on w and the exact total.
 */
static bool
IsAbove(double w, double td, const XSum *total, double threshold,
		XSum *tmp)
{
	double		r;

	if (w == 0)
		return false;			/* a zero share is never above */
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
	return r > threshold;
}

/*
 * The share and the number of names whose share is strictly above the
 * threshold; false when there are no rows or the total is zero.
 */
static bool
ComputeAbove(FunctionCallInfo fcinfo, WeightSet *st, const char *fname,
			 double *share, int64 *count)
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
	if (xsum_round(total, &td) != XSUM_OK)
		td = 0;
	above = ws_sum_new();
	tmp = palloc(xsum_size(XSUM_DEFAULT_CHUNKS));
	for (int i = 0; i < st->nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (IsAbove(v[i], td, total, st->param, tmp))
		{
			above = ws_sum_add(above, v[i], fname);
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

	if (st == NULL || !ComputeAbove(fcinfo, st, "share_above", &share, &count))
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

	if (st == NULL || !ComputeAbove(fcinfo, st, "count_above", &share, &count))
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

/*
 * The total of one side (col 0: portfolio, 1: benchmark) of the pairs,
 * exactly, times a scale: 1, or 2^-64 when the total is beyond the double
 * range (a sum of fewer than 2^31 weights is below 2^1055, so scaled it is
 * below 2^991).  Returns the scaled total as an unevaluated sum hi + lo of
 * doubles (106 bits, both deterministic), or false when the total is zero.
 */
static bool
SideTotal(const double *v, int nvals, int col, double *scale, double *hi,
		  double *lo)
{
	XSum	   *t = ws_sum_new();

	for (int i = 0; i < nvals; i++)
	{
		CHECK_FOR_INTERRUPTS();
		t = ws_sum_add(t, v[2 * i + col], "active_share");
	}
	if (xsum_sign(t) == 0)
		return false;
	*scale = 1;
	if (xsum_round(t, hi) != XSUM_OK)
	{
		*scale = 0x1p-64;
		xsum_init(t, t->n);
		for (int i = 0; i < nvals; i++)
		{
			CHECK_FOR_INTERRUPTS();
			t = ws_sum_add_prod(t, v[2 * i + col], *scale, "active_share");
		}
		if (xsum_round(t, hi) != XSUM_OK)
			elog(ERROR, "active_share: a scaled total does not fit a double");
	}
	t = ws_sum_add(t, -*hi, "active_share");
	if (xsum_round(t, lo) != XSUM_OK)
		elog(ERROR, "active_share: the rest of a total does not fit a double");
	pfree(t);
	return true;
}

/* Adds x * s * y exactly, s a power of two (one product when s = 1). */
static inline XSum *
AddScaled(XSum *a, double x, double s, double y)
{
	if (s == 1)
		return ws_sum_add_prod(a, x, y, "active_share");
	return ws_sum_add_prod3(a, x, s, y, "active_share");
}

/*
 * Sign of p'·B − b'·P with p' = p·sp, b' = b·sb, B = bh + bl and
 * P = ph + pl, exactly: the double products decide when they are far
 * apart, the exact sum otherwise.
 */
static int
SignOfTerm(double p, double b, double sp, double sb, double ph, double pl,
		   double bh, double bl, XSum *tmp)
{
	double		x = p * sp;
	double		y = b * sb;

	if (p == 0 || b == 0)
		return (p > 0) - (b > 0);
	/* x and y are exact unless they underflow */
	if (x >= DBL_MIN && y >= DBL_MIN)
	{
		double		d1 = x * bh;
		double		d2 = y * ph;

		if (isfinite(d1) && isfinite(d2) &&
			(d1 == 0 || d1 >= 0x1p-900) && (d2 == 0 || d2 >= 0x1p-900))
		{
			double		diff = d1 - d2;

			if (diff > (d1 + d2) * 0x1p-48)
				return 1;
			if (-diff > (d1 + d2) * 0x1p-48)
				return -1;
		}
	}
	/* a small window first (the products are close), the full range if not */
	for (int n = 16;; n = XSUM_MAX_CHUNKS)
	{
		xsum_init(tmp, n);
		if (xsum_add_prod3(tmp, p, sp, bh) == 0 &&
			xsum_add_prod3(tmp, p, sp, bl) == 0 &&
			xsum_add_prod3(tmp, -b, sb, ph) == 0 &&
			xsum_add_prod3(tmp, -b, sb, pl) == 0)
			return xsum_sign(tmp);
		if (n == XSUM_MAX_CHUNKS)
			elog(ERROR, "active_share: four products do not fit a full accumulator");
	}
}

/*
 * active_share: ½ Σ |p/P − b/B|, computed as Σ |p'·B' − b'·P'| / (2·P'·B')
 * where each side is scaled by a power of two when its total is beyond the
 * double range (p' = p·sp, P' = P·sp; likewise b), with every term exact for
 * the totals P' and B' read as double-doubles (106 bits): the result is
 * within an ulp or two of the exact value and depends only on the multiset
 * of pairs.
 */
Datum
active_share_final(PG_FUNCTION_ARGS)
{
	WeightSet  *st = ws_getarg(fcinfo, 0, WS_ACTIVE, "active_share");
	double	   *v;
	XSum	   *num;
	XSum	   *den;
	XSum	   *tmp;
	double		sp,
				sb,
				ph,
				pl,
				bh,
				bl,
				r;

	if (st == NULL || st->nvals == 0)
		PG_RETURN_NULL();
	ws_check_values(fcinfo, st, "active_share");
	v = ws_values(st);
	if (!SideTotal(v, st->nvals, 0, &sp, &ph, &pl) ||
		!SideTotal(v, st->nvals, 1, &sb, &bh, &bl))
		PG_RETURN_NULL();

	num = ws_sum_new();
	tmp = palloc(xsum_size(XSUM_MAX_CHUNKS));
	for (int i = 0; i < st->nvals; i++)
	{
		double		p = v[2 * i];
		double		b = v[2 * i + 1];
		int			sign;

		CHECK_FOR_INTERRUPTS();
		sign = SignOfTerm(p, b, sp, sb, ph, pl, bh, bl, tmp);
		if (sign == 0)
			continue;
		if (sign < 0)
		{
			p = -p;
			b = -b;
		}
		num = AddScaled(num, p, sp, bh);
		if (bl != 0)
			num = AddScaled(num, p, sp, bl);
		num = AddScaled(num, -b, sb, ph);
		if (pl != 0)
			num = AddScaled(num, -b, sb, pl);
	}
	den = ws_sum_new();
	den = ws_sum_add_prod3(den, 2, ph, bh, "active_share");
	den = ws_sum_add_prod3(den, 2, ph, bl, "active_share");
	den = ws_sum_add_prod3(den, 2, pl, bh, "active_share");
	den = ws_sum_add_prod3(den, 2, pl, bl, "active_share");
	if (xsum_ratio(num, 1, den, 1, &r) != XSUM_OK)
		ta_report_out_of_range("active_share");
	PG_RETURN_FLOAT8(r);
}
