/*
 * macro.c
 *	  Macro inputs as analysts receive them, turned into what the regime
 *	  functions read: trend_ratio() (a raw level against its fitted trend),
 *	  growth_inflation() (the growth x inflation quadrant), curve_regime()
 *	  (bull/bear steepener/flattener) and diffusion() (a breadth index).
 */
#include "common.h"
#include "exactsum.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "windowapi.h"

/* ------------------------------------------------------------------------
 * trend_ratio(): 100 x a value over its least-squares trend
 *
 * A window function.  Over the rows of the frame, numbered 0, 1, ... from
 * the frame's first row, the values (their logarithms for 'loglinear') are
 * fitted by least squares against the row numbers, and the fit is read at
 * the frame's last row: the current row in the frames the function is meant
 * for (ROWS BETWEEN k PRECEDING AND CURRENT ROW).  NULL values are left out
 * of the fit but keep their row numbers, so a gap is a gap in time.  The
 * result is 100 x the last row's value / the trend there; NULL when the last
 * row's value is NULL or fewer than 3 values are in the frame.
 *
 * With m values y_j at row numbers x_j, c_j = m x_j - sum(x) (integers) and
 * c0 the same for the last row, the fit read at the last row is
 *
 *		trend = sum(y) / m + c0 sum(c_j y_j) / sum(c_j^2)
 *			  = sum(k_j y_j) / (m Q),  Q = sum(c_j^2), k_j = Q + m c0 c_j
 *
 * For frames of up to about 1 500 rows the k_j are exact doubles and
 * the trend (for 'loglinear', the deviation of log(value) from the log
 * trend) is one exact sum (es_acc_*) rounded once: nothing cancels before
 * the last rounding.  Longer frames combine the mean and the slope, each
 * from exact sums.
 *
 * Each call reads its frame once: linear in the frame's length, so linear in
 * rows for a frame of fixed size.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(trend_ratio);

#define TREND_MIN_ROWS 3
#define TREND_EXACT_LIMIT INT64CONST(9007199254740992)	/* 2^53 */

/* The method argument: true for 'loglinear', false for 'linear'. */
static bool
TrendMethodIsLog(text *method)
{
	char	   *m = text_to_cstring(method);

	if (strcmp(m, "loglinear") == 0)
		return true;
	if (strcmp(m, "linear") == 0)
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("trend_ratio: method must be 'loglinear' or 'linear', got \"%s\"",
					ta_input_excerpt(m, strlen(m), 64))));
	pg_unreachable();
}

/* trend_ratio(value, method) OVER (... ROWS BETWEEN k PRECEDING AND CURRENT ROW) */
Datum
trend_ratio(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	bool		isnull;
	bool		isout;
	bool		loglin = true;
	int64		nrows = 0;
	int64		m = 0;
	int64		cap = 64;
	int64	   *xs;
	double	   *ys;
	double		last = 0;
	bool		last_null = true;
	int64		sx = 0;
	int64		c0;
	int64		mc0 = 0;
	XSum	   *scc;
	XSum	   *acc;
	double		qq;
	bool		exact;
	double		r;

	if (PG_NARGS() > 1)
	{
		Datum		md = WinGetFuncArgCurrent(winobj, 1, &isnull);

		if (isnull)
			PG_RETURN_NULL();
		loglin = TrendMethodIsLog(DatumGetTextPP(md));
	}

	/* read the frame: non-NULL values with their row numbers */
	xs = palloc(cap * sizeof(int64));
	ys = palloc(cap * sizeof(double));
	for (;;)
	{
		Datum		d;
		double		v;

		CHECK_FOR_INTERRUPTS();
		d = WinGetFuncArgInFrame(winobj, 0, (int) nrows, WINDOW_SEEK_HEAD,
								 nrows == 0, &isnull, &isout);
		if (isout)
			break;
		if (nrows == PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("trend_ratio: a frame of more than %d rows is not supported",
							PG_INT32_MAX)));
		last_null = isnull;
		if (!isnull)
		{
			v = DatumGetFloat8(d);
			ta_check_finite("trend_ratio", "value", v);
			if (loglin)
			{
				if (!(v > 0))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("trend_ratio: value must be positive for method 'loglinear', got %s",
									float8out_internal(v)),
							 errhint("Use method 'linear' for a series that can be zero or negative.")));
				last = v;
				v = log(v);
			}
			else
				last = v;
			if (m == cap)
			{
				cap *= 2;
				xs = repalloc_huge(xs, cap * sizeof(int64));
				ys = repalloc_huge(ys, cap * sizeof(double));
			}
			xs[m] = nrows;
			ys[m] = v;
			sx += nrows;		/* below 2^62 */
			m++;
		}
		nrows++;
	}
	if (last_null || m < TREND_MIN_ROWS)
		PG_RETURN_NULL();

	/*
	 * c_j = m x_j - sum(x) are integers (below 2^62 in magnitude for frames
	 * below 2^31 rows); Q = sum(c_j^2) is an exact sum.  With k_j = Q + m c0
	 * c_j the fit read at the last row is sum(k_j y_j) / (m Q): while Q and
	 * every k_j are exact doubles (below 2^53: frames of up to about
	 * 1 500 rows), that is one exact sum rounded once, and for
	 * 'loglinear' the deviation (m Q y_last - sum(k_j y_j)) / (m Q) is one
	 * exact sum as well.  Longer frames use the mean and the slope, each
	 * from exact sums, with a few more roundings.
	 */
	c0 = m * (nrows - 1) - sx;
	scc = es_acc_new();
	for (int64 j = 0; j < m; j++)
	{
		double		c = (double) (m * xs[j] - sx);

		if ((j & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		scc = es_acc_add_prod(scc, c, c, "trend_ratio");
	}
	qq = es_acc_round(scc, "trend_ratio");	/* > 0: at least 3 distinct x */
	exact = qq < (double) TREND_EXACT_LIMIT && !pg_mul_s64_overflow(m, c0, &mc0);
	for (int64 j = 0; exact && j < m; j++)
	{
		int64		k;

		exact = !pg_mul_s64_overflow(mc0, m * xs[j] - sx, &k) &&
			!pg_add_s64_overflow(k, (int64) qq, &k) &&
			k < TREND_EXACT_LIMIT && k > -TREND_EXACT_LIMIT;
	}

	acc = es_acc_new();
	if (exact)
	{
		if (loglin)
			acc = es_acc_add_prod3(acc, ys[m - 1], (double) m, qq, "trend_ratio");
		for (int64 j = 0; j < m; j++)
		{
			double		k = (double) (mc0 * (m * xs[j] - sx) + (int64) qq);

			if ((j & 1023) == 0)
				CHECK_FOR_INTERRUPTS();
			acc = es_acc_add_prod(acc, loglin ? -k : k, ys[j], "trend_ratio");
		}
		r = es_acc_round(acc, "trend_ratio") / ((double) m * qq);
		if (loglin)
			r = 100.0 * exp(r);
		else if (r == 0)
			PG_RETURN_NULL();
		else
			r = 100.0 * (last / r);
	}
	else
	{
		XSum	   *scy = es_acc_new();
		double		slope_part;

		for (int64 j = 0; j < m; j++)
		{
			if ((j & 1023) == 0)
				CHECK_FOR_INTERRUPTS();
			acc = es_acc_add(acc, -ys[j], "trend_ratio");
			scy = es_acc_add_prod(scy, (double) (m * xs[j] - sx), ys[j], "trend_ratio");
		}
		slope_part = (double) c0 * (es_acc_round(scy, "trend_ratio") / qq);
		if (loglin)
		{
			/* (m y_last - sum(y)) / m - slope_part: the level cancels exactly */
			acc = es_acc_add_prod(acc, (double) m, ys[m - 1], "trend_ratio");
			r = 100.0 * exp(es_acc_round(acc, "trend_ratio") / (double) m - slope_part);
		}
		else
		{
			double		trend = -es_acc_round(acc, "trend_ratio") / (double) m + slope_part;

			if (trend == 0)
				PG_RETURN_NULL();
			r = 100.0 * (last / trend);
		}
	}
	if (isinf(r))
		ta_report_out_of_range("trend_ratio");
	PG_RETURN_FLOAT8(r);
}

/* ------------------------------------------------------------------------
 * growth_inflation(): the growth x inflation quadrant
 *
 * Each change votes by its sign; a zero change on either axis has no
 * direction, so no quadrant (NULL):
 *
 *					inflation falling	inflation rising
 *	growth rising	goldilocks			overheat
 *	growth falling	reflation			stagflation
 *
 * The labels run in the order of the Investment Clock (Merrill Lynch,
 * 2004), whose "recovery" is goldilocks here (macro_regime has its own
 * recovery, a level below trend and improving).
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(growth_inflation);

enum
{
	GI_GOLDILOCKS,
	GI_OVERHEAT,
	GI_STAGFLATION,
	GI_REFLATION,
	GI_NLABELS
};

static const char *const gi_labels[GI_NLABELS] = {
	"goldilocks", "overheat", "stagflation", "reflation"
};

/* growth_inflation(growth_change, inflation_change): the quadrant or NULL. */
Datum
growth_inflation(PG_FUNCTION_ARGS)
{
	double		g = PG_GETARG_FLOAT8(0);
	double		i = PG_GETARG_FLOAT8(1);
	int			r;

	ta_check_finite("growth_inflation", "growth_change", g);
	ta_check_finite("growth_inflation", "inflation_change", i);
	if (g == 0 || i == 0)
		PG_RETURN_NULL();
	if (g > 0)
		r = i < 0 ? GI_GOLDILOCKS : GI_OVERHEAT;
	else
		r = i > 0 ? GI_STAGFLATION : GI_REFLATION;
	PG_RETURN_OID(ta_enum_label(fcinfo, gi_labels, GI_NLABELS, r));
}

/* ------------------------------------------------------------------------
 * curve_regime(): how the yield curve moved
 *
 * Bull when rates fall on average (short + long < 0), bear when they rise;
 * steepener when the spread long - short widens, flattener when it
 * narrows.  Both signs are decided by exact comparisons (long < -short,
 * long > short), so no rounding or overflow of a sum can flip them.  An
 * unchanged level or spread (a parallel shift, a pure twist) gives NULL.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(curve_regime);

enum
{
	CURVE_BULL_STEEPENER,
	CURVE_BEAR_STEEPENER,
	CURVE_BULL_FLATTENER,
	CURVE_BEAR_FLATTENER,
	CURVE_NLABELS
};

static const char *const curve_labels[CURVE_NLABELS] = {
	"bull steepener", "bear steepener", "bull flattener", "bear flattener"
};

/* curve_regime(short_rate_change, long_rate_change): the regime or NULL. */
Datum
curve_regime(PG_FUNCTION_ARGS)
{
	double		s = PG_GETARG_FLOAT8(0);
	double		l = PG_GETARG_FLOAT8(1);
	bool		bull;
	int			r;

	ta_check_finite("curve_regime", "short_rate_change", s);
	ta_check_finite("curve_regime", "long_rate_change", l);
	if (l == -s || l == s)
		PG_RETURN_NULL();
	bull = l < -s;
	if (l > s)
		r = bull ? CURVE_BULL_STEEPENER : CURVE_BEAR_STEEPENER;
	else
		r = bull ? CURVE_BULL_FLATTENER : CURVE_BEAR_FLATTENER;
	PG_RETURN_OID(ta_enum_label(fcinfo, curve_labels, CURVE_NLABELS, r));
}

/* ------------------------------------------------------------------------
 * diffusion(): a breadth index
 *
 * (rising - falling) / non-NULL changes, in [-1, 1]; a zero change counts
 * in the denominator only.  State: int8[] {rising, falling, count} with
 * rising, falling >= 0 and rising + falling <= count; partial states add
 * up (combine), and a change leaving a moving frame is taken out again
 * (the inverse transition of the moving aggregate), exactly.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(diffusion_accum);
PG_FUNCTION_INFO_V1(diffusion_retract);
PG_FUNCTION_INFO_V1(diffusion_combine);
PG_FUNCTION_INFO_V1(diffusion_final);

#define DIFFUSION_HINT "A diffusion state is an int8[] {rising, falling, count} with rising >= 0, falling >= 0 and rising + falling <= count."

/*
 * Raises "malformed diffusion state" showing the state, naming the
 * aggregate being run (looked up only here, on the error path).
 */
static pg_noinline void
ReportMalformedDiffusion(FunctionCallInfo fcinfo, ArrayType *arr)
{
	ta_report_malformed(ta_funcname(fcinfo, "diffusion"), "diffusion",
						ERRCODE_INVALID_PARAMETER_VALUE,
						psprintf("The state is %s.",
								 OidOutputFunctionCall(F_ARRAY_OUT, PointerGetDatum(arr))),
						DIFFUSION_HINT);
}

/* The counts of a diffusion state, validated. */
static int64 *
DiffusionCounts(FunctionCallInfo fcinfo, ArrayType *arr)
{
	int64	   *v;

	if (ARR_NDIM(arr) != 1 || ARR_HASNULL(arr) ||
		ARR_ELEMTYPE(arr) != INT8OID || ARR_DIMS(arr)[0] != 3)
		ReportMalformedDiffusion(fcinfo, arr);
	v = (int64 *) ta_array_data(arr);
	if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[0] > v[2] || v[1] > v[2] - v[0])
		ReportMalformedDiffusion(fcinfo, arr);
	return v;
}

/*
 * The state to update: the argument itself inside an aggregate (a
 * transition function may modify its state there), otherwise a copy.
 */
static ArrayType *
DiffusionState(FunctionCallInfo fcinfo)
{
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_ARRAYTYPE_P(0);
	return PG_GETARG_ARRAYTYPE_P_COPY(0);
}

/* Adds (sign +1) or takes out (sign -1) the change argument 1. */
static ArrayType *
DiffusionStep(FunctionCallInfo fcinfo, int sign)
{
	ArrayType  *arr = DiffusionState(fcinfo);
	int64	   *v = DiffusionCounts(fcinfo, arr);
	double		x = PG_GETARG_FLOAT8(1);
	int			k = x > 0 ? 0 : x < 0 ? 1 : -1;

	ta_check_finite_row(fcinfo, "diffusion", "change", x);
	if (sign < 0 && (v[2] == 0 || (k >= 0 && v[k] == 0)))
		ReportMalformedDiffusion(fcinfo, arr);
	if (sign > 0 && v[2] == PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: number of changes is out of range for type bigint",
						ta_funcname(fcinfo, "diffusion"))));
	v[2] += sign;
	if (k >= 0)
		v[k] += sign;
	return arr;
}

/* Transition function of diffusion(change): counts a non-NULL change. */
Datum
diffusion_accum(PG_FUNCTION_ARGS)
{
	PG_RETURN_ARRAYTYPE_P(DiffusionStep(fcinfo, 1));
}

/* Inverse transition of diffusion(change): takes a change out again. */
Datum
diffusion_retract(PG_FUNCTION_ARGS)
{
	PG_RETURN_ARRAYTYPE_P(DiffusionStep(fcinfo, -1));
}

/* Combine function of diffusion: the counts of both states added. */
Datum
diffusion_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = DiffusionState(fcinfo);
	int64	   *a = DiffusionCounts(fcinfo, arr);
	int64	   *b = DiffusionCounts(fcinfo, PG_GETARG_ARRAYTYPE_P(1));

	for (int i = 0; i < 3; i++)
		if (pg_add_s64_overflow(a[i], b[i], &a[i]))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("%s: number of changes is out of range for type bigint",
							ta_funcname(fcinfo, "diffusion"))));
	PG_RETURN_ARRAYTYPE_P(arr);
}

/* Final function of diffusion: (rising - falling) / count, NULL for none. */
Datum
diffusion_final(PG_FUNCTION_ARGS)
{
	int64	   *v = DiffusionCounts(fcinfo, PG_GETARG_ARRAYTYPE_P(0));

	if (v[2] == 0)
		PG_RETURN_NULL();
	/* both exact while below 2^53: one rounding */
	PG_RETURN_FLOAT8((double) (v[0] - v[1]) / (double) v[2]);
}
