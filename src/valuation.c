/*
 * valuation.c
 *	  Valuation and returns: weighted_mean(), index_multiple(),
 *	  parity_upside(), compound_return(), longest_streak() and
 *	  current_streak().
 *
 * The sum-based aggregates use exactsum states (exactsum.h):
 *
 *	weighted_mean		ES_WMEAN	Σw, Σw·x					Σw·x / Σw
 *	index_multiple		ES_IMULT	Σw, Σw·f/c					Σw / Σ(w·f/c)
 *	compound_return		ES_COMPOUND	Σlog1p(r), #(r = -1)		expm1(Σlog1p(r))
 *
 * so they merge exactly and return the same bits under any plan.  The
 * streak aggregates keep a small int8[] state (rows, leading run, trailing
 * run, longest run) whose combine function concatenates two ordered runs.
 */
#include "exactsum.h"
#include "order.h"

#include "catalog/pg_type.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include <float.h>

PG_FUNCTION_INFO_V1(weighted_mean_accum);
PG_FUNCTION_INFO_V1(weighted_mean_final);
PG_FUNCTION_INFO_V1(index_multiple_accum);
PG_FUNCTION_INFO_V1(index_multiple_accum_weighted);
PG_FUNCTION_INFO_V1(index_multiple_final);
PG_FUNCTION_INFO_V1(parity_upside);
PG_FUNCTION_INFO_V1(compound_return_accum);
PG_FUNCTION_INFO_V1(compound_return_final);
PG_FUNCTION_INFO_V1(streak_accum);
PG_FUNCTION_INFO_V1(streak_combine);
PG_FUNCTION_INFO_V1(longest_streak_final);
PG_FUNCTION_INFO_V1(current_streak_final);
PG_FUNCTION_INFO_V1(weighted_mean_inv);
PG_FUNCTION_INFO_V1(index_multiple_inv);
PG_FUNCTION_INFO_V1(index_multiple_inv_weighted);
PG_FUNCTION_INFO_V1(compound_return_inv);

#define WM_W		0			/* Σw */
#define WM_WX		1			/* Σw·x */

#define IM_W		0			/* Σw */
#define IM_WFC		1			/* Σw·f/c */

#define CR_LOG		0			/* Σlog1p(r) over r > -1 */
#define CR_WIPED	1			/* number of returns of exactly -1 */

/* weighted_mean(value, weight): transition function. */
Datum
weighted_mean_accum(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_WMEAN, "weighted_mean");
	double		x,
				w;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_WMEAN, 0);
		es_return(fcinfo, st);
	}
	x = PG_GETARG_FLOAT8(1);
	w = PG_GETARG_FLOAT8(2);
	ta_check_finite("weighted_mean", "value", x);
	ta_check_finite("weighted_mean", "weight", w);
	if (st == NULL)
		st = es_create(ES_WMEAN, 0);
	st = es_add(fcinfo, st, WM_W, w);
	st = es_add_prod(fcinfo, st, WM_WX, w, x);
	st->count++;
	es_return(fcinfo, st);
}

/* weighted_mean: Σw·x / Σw; NULL for no rows or a zero total weight. */
Datum
weighted_mean_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_WMEAN, "weighted_mean");
	double		r;

	if (st == NULL || st->count == 0 ||
		!es_ratio(st, WM_WX, 1, WM_W, 1, "weighted_mean", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/* Rejects NaN, infinities and a cap that is not positive. */
static void
CheckCapFundamental(double cap, double f)
{
	ta_check_finite("index_multiple", "cap", cap);
	ta_check_finite("index_multiple", "fundamental", f);
	if (unlikely(cap <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index_multiple: cap must be positive, got %s",
						float8out_internal(cap)),
				 errhint("The first argument is the market cap (or price) of each name; the second its earnings, sales or book value.")));
}

/* index_multiple(cap, fundamental): Σcap / Σfundamental. */
Datum
index_multiple_accum(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_IMULT, "index_multiple");
	double		cap,
				f;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_IMULT, ES_MODE_CAP);
		es_return(fcinfo, st);
	}
	cap = PG_GETARG_FLOAT8(1);
	f = PG_GETARG_FLOAT8(2);
	CheckCapFundamental(cap, f);
	if (st == NULL)
		st = es_create(ES_IMULT, ES_MODE_CAP);
	/* with w = cap, w·f/c is f itself: exact */
	st = es_add(fcinfo, st, IM_W, cap);
	st = es_add(fcinfo, st, IM_WFC, f);
	st->count++;
	es_return(fcinfo, st);
}

/*
 * The quotient (hi + lo) / c as three doubles q[0] + q[1] + q[2]: each step
 * divides the exact remainder of the one before (fma gives it exactly when
 * nothing underflows), so the three together carry the quotient to about
 * 150 bits.  The operands must keep every step well inside the normal range.
 */
static void
Quotient3(double hi, double lo, double c, double q[3])
{
	double		r,
				s,
				b,
				t;

	q[0] = hi / c;
	r = fma(-q[0], c, hi);		/* hi - q0·c, exact */
	s = r + lo;					/* r + lo = s + t, exact (TwoSum) */
	b = s - r;
	t = (r - (s - b)) + (lo - b);
	q[1] = s / c;
	r = fma(-q[1], c, s);		/* s - q1·c, exact */
	q[2] = (r + t) / c;
}

/* Within [2^-300, 2^300] in magnitude: every step of Quotient3 is safe. */
static inline bool
MidRange(double x)
{
	double		a = fabs(x);

	return a >= 0x1p-300 && a <= 0x1p300;
}

/*
 * Adds w·f/c of one row to the exact sum: w·f is split exactly with fma and
 * divided by c to about 150 bits (Quotient3), so a row's term is off by at
 * most 2^-150 of itself, and a sum of terms that cancel keeps its accuracy
 * (see the reference's accuracy section); exactly f when w = c.  Operands
 * outside the middle of the double range are scaled to [0.5, 1) first and
 * the terms added times powers of two, exactly.  The terms depend only on
 * the row, so the sum does not depend on the plan; sign -1 subtracts them
 * (a row leaving a window frame).
 */
static ExactSum *
AddWeightedYield(FunctionCallInfo fcinfo, ExactSum *st, double w, double f,
				 double c, double sign)
{
	double		q[3],
				hi,
				mw,
				mf,
				mc;
	int			ew,
				ef,
				ec,
				k;

	if (w == c)
		return es_add(fcinfo, st, IM_WFC, sign * f);
	if (w == 0 || f == 0)
		return st;
	if (likely(MidRange(w) && MidRange(f) && MidRange(c)))
	{
		hi = w * f;
		Quotient3(hi, fma(w, f, -hi), c, q);
		for (int j = 0; j < 3; j++)
			st = es_add(fcinfo, st, IM_WFC, sign * q[j]);
		return st;
	}
	/* w·f/c = (mw·mf/mc)·2^k with mantissas mw, mf, mc in [0.5, 1) */
	mw = frexp(w, &ew);
	mf = frexp(f, &ef);
	mc = frexp(c, &ec);
	k = ew + ef - ec;
	hi = mw * mf;
	Quotient3(hi, fma(mw, mf, -hi), mc, q);
	if (k < -2100 || isinf(ldexp(q[0] + q[1], k)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("index_multiple: weight * fundamental / cap is out of range (weight %s, fundamental %s, cap %s)",
						float8out_internal(w), float8out_internal(f),
						float8out_internal(c)),
				 errhint("Each row's weight * fundamental / cap must lie between 2^-2100 and the largest double precision value.")));
	for (int j = 0; j < 3; j++)
		st = es_add_prod3(fcinfo, st, IM_WFC, sign * q[j], ldexp(1.0, k / 2),
						  ldexp(1.0, k - k / 2));
	return st;
}

/* index_multiple(cap, fundamental, weight): Σw / Σ(w·f/c). */
Datum
index_multiple_accum_weighted(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_IMULT, "index_multiple");
	double		cap,
				f,
				w;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_IMULT, ES_MODE_WEIGHT);
		es_return(fcinfo, st);
	}
	cap = PG_GETARG_FLOAT8(1);
	f = PG_GETARG_FLOAT8(2);
	w = PG_GETARG_FLOAT8(3);
	CheckCapFundamental(cap, f);
	ta_check_finite("index_multiple", "weight", w);
	if (unlikely(w < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index_multiple: weight must not be negative, got %s",
						float8out_internal(w))));
	if (st == NULL)
		st = es_create(ES_IMULT, ES_MODE_WEIGHT);
	st = es_add(fcinfo, st, IM_W, w);
	st = AddWeightedYield(fcinfo, st, w, f, cap, 1.0);
	st->count++;
	es_return(fcinfo, st);
}

/* index_multiple: Σw / Σ(w·f/c); NULL unless the denominator is positive. */
Datum
index_multiple_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_IMULT, "index_multiple");
	double		r;

	if (st == NULL || st->count == 0 || xsum_sign(es_sum(st, IM_WFC)) <= 0 ||
		!es_ratio(st, IM_W, 1, IM_WFC, 1, "index_multiple", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/*
 * parity_upside(multiple, reference): reference / multiple − 1, the move
 * that takes the multiple to the reference.  The remainder of the division
 * (exact with fma) corrects the quotient, so the result is correctly rounded
 * or within an ulp even when it is small.
 */
Datum
parity_upside(PG_FUNCTION_ARGS)
{
	double		m = PG_GETARG_FLOAT8(0);
	double		ref = PG_GETARG_FLOAT8(1);
	double		q,
				e,
				r;

	ta_check_finite("parity_upside", "multiple", m);
	ta_check_finite("parity_upside", "reference", ref);
	if (unlikely(m <= 0 || ref <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("parity_upside: %s must be positive, got %s",
						m <= 0 ? "multiple" : "reference",
						float8out_internal(m <= 0 ? m : ref)),
				 errhint("A multiple with negative or zero earnings has no parity move.")));
	q = ref / m;
	if (unlikely(isinf(q)))
		ta_report_out_of_range("parity_upside");
	e = fma(-q, m, ref);
	r = (q - 1.0) + e / m;
	PG_RETURN_FLOAT8(r);
}

/* compound_return(r): transition function. */
Datum
compound_return_accum(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_COMPOUND, "compound_return");
	double		r;

	if (PG_ARGISNULL(1))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_COMPOUND, 0);
		es_return(fcinfo, st);
	}
	r = PG_GETARG_FLOAT8(1);
	ta_check_finite("compound_return", "return", r);
	if (unlikely(r < -1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("compound_return: return must not be below -1 (a loss of more than 100 %%), got %s",
						float8out_internal(r)),
				 errhint("Returns are fractions: a 5 %% loss is -0.05.")));
	if (st == NULL)
		st = es_create(ES_COMPOUND, 0);
	if (r == -1)
		st = es_add(fcinfo, st, CR_WIPED, 1.0);
	else
		st = es_add(fcinfo, st, CR_LOG, log1p(r));
	st->count++;
	es_return(fcinfo, st);
}

/*
 * compound_return: Π(1 + r) − 1 as expm1 of the exact sum of log1p(r), so
 * the result does not depend on the order of the rows; −1 when one return
 * is −1 (everything lost).
 */
Datum
compound_return_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_COMPOUND, "compound_return");
	double		r;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	if (xsum_sign(es_sum(st, CR_WIPED)) != 0)
		PG_RETURN_FLOAT8(-1.0);
	r = expm1(es_round(st, CR_LOG, "compound_return"));
	if (unlikely(isinf(r)))
		ta_report_out_of_range("compound_return");
	PG_RETURN_FLOAT8(r);
}

/*
 * Inverse transition functions of the moving aggregates: a row leaving the
 * window frame takes its exact terms with it.
 */

/* weighted_mean(value, weight): inverse transition function. */
Datum
weighted_mean_inv(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_WMEAN, "weighted_mean");
	double		x,
				w;

	if ((PG_ARGISNULL(1) || PG_ARGISNULL(2)) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "weighted_mean");
	x = PG_GETARG_FLOAT8(1);
	w = PG_GETARG_FLOAT8(2);
	ta_check_finite("weighted_mean", "value", x);
	ta_check_finite("weighted_mean", "weight", w);
	st = es_add(fcinfo, st, WM_W, -w);
	st = es_add_prod(fcinfo, st, WM_WX, -w, x);
	st = es_removed(fcinfo, st, "weighted_mean");
	es_return(fcinfo, st);
}

/* index_multiple(cap, fundamental): inverse transition function. */
Datum
index_multiple_inv(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_IMULT, "index_multiple");
	double		cap,
				f;

	if ((PG_ARGISNULL(1) || PG_ARGISNULL(2)) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "index_multiple");
	cap = PG_GETARG_FLOAT8(1);
	f = PG_GETARG_FLOAT8(2);
	CheckCapFundamental(cap, f);
	if (unlikely(st->mode != ES_MODE_CAP))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index_multiple: cannot remove a cap-weighted row from a state of index_multiple(cap, fundamental, weight)")));
	st = es_add(fcinfo, st, IM_W, -cap);
	st = es_add(fcinfo, st, IM_WFC, -f);
	st = es_removed(fcinfo, st, "index_multiple");
	es_return(fcinfo, st);
}

/* index_multiple(cap, fundamental, weight): inverse transition function. */
Datum
index_multiple_inv_weighted(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_IMULT, "index_multiple");
	double		cap,
				f,
				w;

	if ((PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3)) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "index_multiple");
	cap = PG_GETARG_FLOAT8(1);
	f = PG_GETARG_FLOAT8(2);
	w = PG_GETARG_FLOAT8(3);
	CheckCapFundamental(cap, f);
	ta_check_finite("index_multiple", "weight", w);
	if (unlikely(st->mode != ES_MODE_WEIGHT))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index_multiple: cannot remove a weighted row from a state of index_multiple(cap, fundamental)")));
	if (unlikely(w < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index_multiple: weight must not be negative, got %s",
						float8out_internal(w))));
	st = es_add(fcinfo, st, IM_W, -w);
	st = AddWeightedYield(fcinfo, st, w, f, cap, -1.0);
	st = es_removed(fcinfo, st, "index_multiple");
	es_return(fcinfo, st);
}

/* compound_return(r): inverse transition function. */
Datum
compound_return_inv(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_COMPOUND, "compound_return");
	double		r;

	if (PG_ARGISNULL(1) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "compound_return");
	r = PG_GETARG_FLOAT8(1);
	ta_check_finite("compound_return", "return", r);
	if (unlikely(r < -1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("compound_return: return must not be below -1 (a loss of more than 100 %%), got %s",
						float8out_internal(r))));
	if (r == -1)
		st = es_add(fcinfo, st, CR_WIPED, -1.0);
	else
		st = es_add(fcinfo, st, CR_LOG, -log1p(r));
	st = es_removed(fcinfo, st, "compound_return");
	es_return(fcinfo, st);
}

/*
 * Streak states: int8[4] = {rows, leading run of true, trailing run of
 * true, longest run of true}.
 */
#define SK_ROWS		0
#define SK_LEAD		1
#define SK_TRAIL	2
#define SK_LONGEST	3
#define SK_NITEMS	4

/* The elements of a one-dimensional int8[] without NULLs. */
static inline int64 *
StreakItems(ArrayType *a)
{
	return (int64 *) ta_array_data(a);
}

/*
 * The streak state in argument argno, validated; NULL when NULL.  Errors
 * name the aggregate being run, or dflt outside one.
 */
static int64 *
StreakGetArg(FunctionCallInfo fcinfo, int argno, const char *dflt,
			 ArrayType **arr)
{
	ArrayType  *a;
	int64	   *s;
	bool		ok;

	if (PG_ARGISNULL(argno))
		return NULL;
	if (AggCheckCallContext(fcinfo, NULL))
		a = PG_GETARG_ARRAYTYPE_P(argno);
	else
		a = PG_GETARG_ARRAYTYPE_P_COPY(argno);
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != SK_NITEMS ||
		ARR_HASNULL(a) || ARR_ELEMTYPE(a) != INT8OID)
		ta_report_malformed(ta_funcname(fcinfo, dflt), "streak",
							ERRCODE_INVALID_PARAMETER_VALUE,
							psprintf("A streak state is an int8 array of %d non-NULL elements.",
									 SK_NITEMS), NULL);
	s = StreakItems(a);
	/*
	 * The runs fit in the rows.  A run that is not all of the rows ends at a
	 * row that is not true, so the leading and trailing runs do not meet,
	 * and a longest run in the middle has such a row on either side.
	 */
	ok = s[SK_ROWS] >= 0 && s[SK_LEAD] >= 0 && s[SK_TRAIL] >= 0 &&
		s[SK_LONGEST] <= s[SK_ROWS] &&
		s[SK_LEAD] <= s[SK_LONGEST] && s[SK_TRAIL] <= s[SK_LONGEST];
	if (ok && s[SK_LEAD] == s[SK_ROWS])
		ok = s[SK_TRAIL] == s[SK_ROWS];
	else if (ok)
		ok = s[SK_LONGEST] < s[SK_ROWS] &&
			s[SK_LEAD] + s[SK_TRAIL] < s[SK_ROWS] &&
			(s[SK_LONGEST] == Max(s[SK_LEAD], s[SK_TRAIL]) ||
			 s[SK_LEAD] + s[SK_LONGEST] + s[SK_TRAIL] + 2 <= s[SK_ROWS]);
	if (!ok)
		ta_report_malformed(ta_funcname(fcinfo, dflt), "streak",
							ERRCODE_INVALID_PARAMETER_VALUE,
							psprintf("Inconsistent runs {" INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT "," INT64_FORMAT "}.",
									 s[SK_ROWS], s[SK_LEAD], s[SK_TRAIL], s[SK_LONGEST]),
							NULL);
	*arr = a;
	return s;
}

/* Raises 22003 for a count of rows beyond bigint. */
static void
ReportStreakOverflow(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s: number of rows is out of range for type bigint",
					fname)));
}

/*
 * longest_streak(flag ORDER BY ts), current_streak(flag ORDER BY ts):
 * transition function.  A NULL flag breaks a run like false.
 */
Datum
streak_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *a = NULL;
	int64	   *s = StreakGetArg(fcinfo, 0, "longest_streak", &a);
	bool		flag = !PG_ARGISNULL(1) && PG_GETARG_BOOL(1);

	if (s == NULL)
	{
		Datum		zeros[SK_NITEMS] = {0};

		/* runs need an order: refuse an unordered call */
		const char *fname = ta_funcname(fcinfo, "longest_streak");

		ta_require_order(fcinfo, fname,
						 psprintf("%s(flag ORDER BY as_of)", fname));
		a = construct_array(zeros, SK_NITEMS, INT8OID, sizeof(int64),
							FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
		s = StreakItems(a);
	}
	if (unlikely(s[SK_ROWS] == PG_INT64_MAX))
		ReportStreakOverflow(ta_funcname(fcinfo, "longest_streak"));
	if (flag)
	{
		if (s[SK_LEAD] == s[SK_ROWS])
			s[SK_LEAD]++;
		s[SK_TRAIL]++;
		if (s[SK_TRAIL] > s[SK_LONGEST])
			s[SK_LONGEST] = s[SK_TRAIL];
	}
	else
		s[SK_TRAIL] = 0;
	s[SK_ROWS]++;
	PG_RETURN_ARRAYTYPE_P(a);
}

/* Combine: the runs of the rows of a followed by the rows of b. */
Datum
streak_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *aa = NULL;
	ArrayType  *ba = NULL;
	int64	   *a = StreakGetArg(fcinfo, 0, "_streak_combine", &aa);
	int64	   *b = StreakGetArg(fcinfo, 1, "_streak_combine", &ba);
	int64		joined;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(aa);
	}
	if (a == NULL || a[SK_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(ba);
	if (b[SK_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(aa);
	if (unlikely(a[SK_ROWS] > PG_INT64_MAX - b[SK_ROWS]))
		ReportStreakOverflow("_streak_combine");
	joined = a[SK_TRAIL] + b[SK_LEAD];
	a[SK_LONGEST] = Max(Max(a[SK_LONGEST], b[SK_LONGEST]), joined);
	if (a[SK_LEAD] == a[SK_ROWS])
		a[SK_LEAD] += b[SK_LEAD];
	if (b[SK_TRAIL] == b[SK_ROWS])
		a[SK_TRAIL] += b[SK_ROWS];
	else
		a[SK_TRAIL] = b[SK_TRAIL];
	a[SK_ROWS] += b[SK_ROWS];
	PG_RETURN_ARRAYTYPE_P(aa);
}

/* longest_streak: the longest run of true. */
Datum
longest_streak_final(PG_FUNCTION_ARGS)
{
	ArrayType  *a = NULL;
	int64	   *s = StreakGetArg(fcinfo, 0, "longest_streak", &a);

	if (s == NULL || s[SK_ROWS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(s[SK_LONGEST]);
}

/* current_streak: the run of true at the end of the ordered rows. */
Datum
current_streak_final(PG_FUNCTION_ARGS)
{
	ArrayType  *a = NULL;
	int64	   *s = StreakGetArg(fcinfo, 0, "current_streak", &a);

	if (s == NULL || s[SK_ROWS] == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(s[SK_TRAIL]);
}
