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
static pg_noinline void
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
	if (unlikely(!ta_all_finite3(cap, f, 0) || cap <= 0))
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
static pg_attribute_always_inline void
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

/*
 * w·f/c as three doubles (Quotient3 of the exact product w·f).  On x86-64
 * builds that do not assume the fma instruction (no -mfma), fma() is a call
 * into libm, around which every live double is kept in memory; a processor
 * that has the instruction runs a copy of these steps compiled with it.
 * fma is exactly rounded either way, so both give the same three doubles.
 */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__FMA__)
__attribute__((target("fma")))
static void
YieldQuotientFma(double w, double f, double c, double q[3])
{
	double		hi = w * f;

	Quotient3(hi, fma(w, f, -hi), c, q);
}

/* 1 when the processor has the fma instruction, 0 when not, -1 not known. */
static int	have_fma = -1;

static pg_attribute_always_inline void
YieldQuotient(double w, double f, double c, double q[3])
{
	double		hi;

	if (unlikely(have_fma < 0))
	{
		__builtin_cpu_init();
		have_fma = __builtin_cpu_supports("fma") ? 1 : 0;
	}
	if (likely(have_fma))
	{
		YieldQuotientFma(w, f, c, q);
		return;
	}
	hi = w * f;
	Quotient3(hi, fma(w, f, -hi), c, q);
}
#else
static pg_attribute_always_inline void
YieldQuotient(double w, double f, double c, double q[3])
{
	double		hi = w * f;

	Quotient3(hi, fma(w, f, -hi), c, q);
}
#endif

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
static pg_noinline ExactSum *
AddWeightedYieldAny(FunctionCallInfo fcinfo, ExactSum *st, double w, double f,
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

/*
 * Exponent field of a double whose magnitude is in [2^-300, 2^300): one
 * unsigned compare tells the operands for which MidRange holds.
 */
static inline bool
MidExponent(double x)
{
	uint64		bits;

	memcpy(&bits, &x, sizeof(bits));
	return (uint32) (((bits >> 52) & 0x7FF) - (1023 - 300)) < 600;
}

/*
 * AddWeightedYield of a row whose operands are all in the middle of the
 * double range and whose weight is not its cap (the usual row): the steps
 * of AddWeightedYieldAny for that case, inline; any other row takes
 * AddWeightedYieldAny.
 */
static pg_attribute_always_inline ExactSum *
AddWeightedYield(FunctionCallInfo fcinfo, ExactSum *st, double w, double f,
				 double c, double sign)
{
	double		q[3];

	if (unlikely(w == c || !MidExponent(w) || !MidExponent(f) ||
				 !MidExponent(c)))
		return AddWeightedYieldAny(fcinfo, st, w, f, c, sign);
	YieldQuotient(w, f, c, q);
	return es_add3(fcinfo, st, IM_WFC, sign * q[0], sign * q[1], sign * q[2]);
}

/* Rejects a row of index_multiple(cap, fundamental, weight) that is not valid. */
static pg_noinline void
CheckWeightedRow(double cap, double f, double w)
{
	CheckCapFundamental(cap, f);
	ta_check_finite("index_multiple", "weight", w);
	if (unlikely(w < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("index_multiple: weight must not be negative, got %s",
						float8out_internal(w))));
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
	if (unlikely(!ta_all_finite3(cap, f, w) || cap <= 0 || w < 0))
		CheckWeightedRow(cap, f, w);
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

/*
 * compound_return(r, min_periods): as compound_return(r), NULL while fewer
 * than min_periods non-NULL returns are in (a frame that runs past the end
 * of a series).  The state (ES_COMPOUND_MIN) adds m and m² of each row's
 * min_periods m, so states merge by addition like every exactsum, and the
 * final function reads m back as Σm / n and checks Σm = n·m, Σm² = n·m²
 * (the same m in every row).
 */
PG_FUNCTION_INFO_V1(compound_return_min_accum);
PG_FUNCTION_INFO_V1(compound_return_min_inv);
PG_FUNCTION_INFO_V1(compound_return_min_final);

#define CM_M		2			/* Σm */
#define CM_MM		3			/* Σm² */

/* The min_periods argument: not NULL, at least 1. */
static int32
MinPeriodsArg(FunctionCallInfo fcinfo, int argno, const char *dflt)
{
	int32		m;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: min_periods must not be NULL",
						ta_funcname(fcinfo, dflt))));
	m = PG_GETARG_INT32(argno);
	if (unlikely(m < 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: min_periods must be at least 1, got %d",
						ta_funcname(fcinfo, dflt), m)));
	return m;
}

/* The return argument of compound_return: finite, not below -1. */
static double
CompoundReturnArg(FunctionCallInfo fcinfo, int argno)
{
	double		r = PG_GETARG_FLOAT8(argno);

	ta_check_finite("compound_return", "return", r);
	if (unlikely(r < -1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("compound_return: return must not be below -1 (a loss of more than 100 %%), got %s",
						float8out_internal(r)),
				 errhint("Returns are fractions: a 5 %% loss is -0.05.")));
	return r;
}

/* Adds (sign 1) or removes (sign -1) one row's terms. */
static ExactSum *
CompoundMinTerms(FunctionCallInfo fcinfo, ExactSum *st, double r, int32 m,
				 double sign)
{
	if (r == -1)
		st = es_add(fcinfo, st, CR_WIPED, sign);
	else
		st = es_add(fcinfo, st, CR_LOG, sign * log1p(r));
	st = es_add(fcinfo, st, CM_M, sign * m);
	st = es_add_prod(fcinfo, st, CM_MM, sign * m, (double) m);
	return st;
}

/* compound_return(r, min_periods): transition function. */
Datum
compound_return_min_accum(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_COMPOUND_MIN, "compound_return");
	int32		m = MinPeriodsArg(fcinfo, 2, "compound_return");
	double		r;

	if (PG_ARGISNULL(1))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_COMPOUND_MIN, 0);
		es_return(fcinfo, st);
	}
	r = CompoundReturnArg(fcinfo, 1);
	if (st == NULL)
		st = es_create(ES_COMPOUND_MIN, 0);
	st = CompoundMinTerms(fcinfo, st, r, m, 1.0);
	st->count++;
	es_return(fcinfo, st);
}

/* compound_return(r, min_periods): inverse transition function. */
Datum
compound_return_min_inv(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_COMPOUND_MIN, "compound_return");
	int32		m;
	double		r;

	if (PG_ARGISNULL(1) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "compound_return");
	m = MinPeriodsArg(fcinfo, 2, "compound_return");
	r = CompoundReturnArg(fcinfo, 1);
	st = CompoundMinTerms(fcinfo, st, r, m, -1.0);
	st = es_removed(fcinfo, st, "compound_return");
	es_return(fcinfo, st);
}

/* True when the exact sum a equals x·y·z. */
static bool
CompoundSumEquals(const XSum *a, double x, double y, double z)
{
	XSum	   *t = palloc(xsum_size(XSUM_MAX_CHUNKS));
	bool		eq;

	xsum_copy(t, XSUM_MAX_CHUNKS, a);
	eq = xsum_add_prod3(t, -x, y, z) == 0 && xsum_sign(t) == 0;
	pfree(t);
	return eq;
}

/*
 * compound_return(r, min_periods): Π(1 + r) − 1 as compound_return(r), or
 * NULL when fewer than min_periods non-NULL returns were added.
 */
Datum
compound_return_min_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_COMPOUND_MIN, "compound_return");
	double		n,
				m,
				r;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	n = (double) st->count;
	m = floor(es_round(st, CM_M, "compound_return") / n + 0.5);
	if (!(m >= 1 && m <= PG_INT32_MAX) ||
		!CompoundSumEquals(es_sum(st, CM_M), m, n, 1.0) ||
		!CompoundSumEquals(es_sum(st, CM_MM), m, m, n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: min_periods must be the same for every row",
						ta_funcname(fcinfo, "compound_return"))));
	if (n < m)
		PG_RETURN_NULL();
	if (xsum_sign(es_sum(st, CR_WIPED)) != 0)
		PG_RETURN_FLOAT8(-1.0);
	r = expm1(es_round(st, CR_LOG, "compound_return"));
	if (unlikely(isinf(r)))
		ta_report_out_of_range("compound_return");
	PG_RETURN_FLOAT8(r);
}

/*
 * max_drawdown(r ORDER BY ts), current_drawdown(r ORDER BY ts), and both
 * with min_periods.
 *
 * Wealth W(t) = Π(1 + r) starts at 1, which counts as a peak.  In logs,
 * L(t) = Σlog1p(r), the drawdown at t is D(t) = L(t) − max(0, L(s ≤ t)), and
 * one pass keeps it without the peak: D(t) = min(0, D(t−1) + log1p(r_t)).
 * current_drawdown is expm1(D) at the last row and max_drawdown expm1 of the
 * least D; both are in [−1, 0], 0 at a new peak.  A return of −1 wipes the
 * wealth out: both are −1 from then on.  The sums are double-double (about
 * 106 bits), so the result is the correctly rounded drawdown of the log
 * returns but for ties at a rounding boundary.
 *
 * State: float8[DD_NITEMS] = {rows, min_periods (0: none), wiped (0 or 1),
 * D, least D, L, R} with D, least D, L and R double-double pairs (hi, lo),
 * R = L − min(0, L(s ≤ t)) the rise from the lowest wealth.  L and R make
 * the state of rows a followed by rows b computable from the two states
 * (the combine function):
 *
 *		D = min(Da + Lb, Db)	least D = min(least Da, least Db, Da + Lb − Rb)
 *		L = La + Lb				R = max(Ra + Lb, Rb)
 */
PG_FUNCTION_INFO_V1(drawdown_accum);
PG_FUNCTION_INFO_V1(drawdown_accum_min);
PG_FUNCTION_INFO_V1(drawdown_combine);
PG_FUNCTION_INFO_V1(max_drawdown_final);
PG_FUNCTION_INFO_V1(current_drawdown_final);

#define DD_ROWS		0
#define DD_MINP		1
#define DD_WIPED	2
#define DD_CUR		3			/* D: hi, lo */
#define DD_MAX		5			/* least D: hi, lo */
#define DD_LOG		7			/* L: hi, lo */
#define DD_RISE		9			/* R: hi, lo */
#define DD_NITEMS	11

/* log1p(r) of r > -1 is within [-38, 710] */
#define DD_MAX_LOG	710.0

/* A double-double value hi + lo with |lo| <= ulp(hi) / 2. */
typedef struct DdPair
{
	double		hi;
	double		lo;
} DdPair;

/* a + b in double-double (TwoSum of the high parts, then renormalised). */
static inline DdPair
DdAdd(DdPair a, DdPair b)
{
	double		s = a.hi + b.hi;
	double		bb = s - a.hi;
	double		e = (a.hi - (s - bb)) + (b.hi - bb);
	DdPair		r;

	e += a.lo + b.lo;
	r.hi = s + e;
	r.lo = e - (r.hi - s);
	return r;
}

/* a < b for normalised pairs. */
static inline bool
DdLess(DdPair a, DdPair b)
{
	return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

static inline DdPair
DdGet(const double *s, int i)
{
	DdPair		p = {s[i], s[i + 1]};

	return p;
}

static inline void
DdSet(double *s, int i, DdPair p)
{
	s[i] = p.hi + 0.0;
	s[i + 1] = p.lo + 0.0;
}

/* The elements of a one-dimensional float8[] without NULLs. */
static inline double *
DrawdownItems(ArrayType *a)
{
	return (double *) ta_array_data(a);
}

/*
 * What is wrong with a drawdown state's numbers, or NULL: whole counts, a
 * wiped flag of 0 or 1, finite normalised pairs with D <= 0, least D <= D,
 * R >= max(0, L), magnitudes within what the rows can make, and zeros for a
 * state of no rows.  A state that passes keeps every result in [-1, 0].
 */
static const char *
DrawdownProblem(const double *s)
{
	double		bound;

	for (int i = 0; i < DD_NITEMS; i++)
		if (!isfinite(s[i]))
			return "An item is not finite.";
	if (s[DD_ROWS] < 0 || s[DD_ROWS] >= 0x1p53 || s[DD_ROWS] != floor(s[DD_ROWS]))
		return "The row count is not a whole number in range.";
	if (s[DD_MINP] < 0 || s[DD_MINP] > PG_INT32_MAX || s[DD_MINP] != floor(s[DD_MINP]))
		return "min_periods is not a whole number in range.";
	if (s[DD_WIPED] != 0 && s[DD_WIPED] != 1)
		return "The wiped-out flag is neither 0 nor 1.";
	for (int i = DD_CUR; i < DD_NITEMS; i += 2)
		if (s[i] + s[i + 1] != s[i] || fabs(s[i + 1]) > fabs(s[i]) * 0x1p-52)
			return "A double-double pair is not normalised.";
	bound = DD_MAX_LOG * s[DD_ROWS];
	if (s[DD_CUR] > 0 || s[DD_MAX] > s[DD_CUR] ||
		(s[DD_MAX] == s[DD_CUR] && s[DD_MAX + 1] > s[DD_CUR + 1]))
		return "The drawdowns are not in order (least <= current <= 0).";
	if (s[DD_RISE] < 0 || s[DD_RISE] < s[DD_LOG] ||
		(s[DD_RISE] == s[DD_LOG] && s[DD_RISE + 1] < s[DD_LOG + 1]))
		return "The rise from the lowest wealth is below the total.";
	if (-s[DD_MAX] > bound || fabs(s[DD_LOG]) > bound || s[DD_RISE] > bound)
		return "A log sum is larger than the rows can make it.";
	if (s[DD_ROWS] == 0)
		for (int i = DD_WIPED; i < DD_NITEMS; i++)
			if (s[i] != 0)
				return "A state of no rows holds a non-zero item.";
	return NULL;
}

/*
 * The drawdown state in argument argno, validated; NULL when NULL.  Inside
 * an aggregate it is changed in place, elsewhere a copy.  Errors name the
 * aggregate being run, or dflt outside one.
 */
static double *
DrawdownGetArg(FunctionCallInfo fcinfo, int argno, const char *dflt,
			   ArrayType **arr)
{
	ArrayType  *a;
	const char *problem;

	if (PG_ARGISNULL(argno))
		return NULL;
	if (AggCheckCallContext(fcinfo, NULL))
		a = PG_GETARG_ARRAYTYPE_P(argno);
	else
		a = PG_GETARG_ARRAYTYPE_P_COPY(argno);
	if (ARR_NDIM(a) != 1 || ARR_DIMS(a)[0] != DD_NITEMS ||
		ARR_LBOUND(a)[0] != 1 || ARR_HASNULL(a) || ARR_ELEMTYPE(a) != FLOAT8OID)
		ta_report_malformed(ta_funcname(fcinfo, dflt), "drawdown",
							ERRCODE_INVALID_PARAMETER_VALUE,
							psprintf("A drawdown state is a float8 array of %d non-NULL elements.",
									 DD_NITEMS), NULL);
	problem = DrawdownProblem(DrawdownItems(a));
	if (problem != NULL)
		ta_report_malformed(ta_funcname(fcinfo, dflt), "drawdown",
							ERRCODE_INVALID_PARAMETER_VALUE, problem, NULL);
	*arr = a;
	return DrawdownItems(a);
}

/* The shared transition: one return r (isnull: a NULL row), min_periods m. */
static Datum
DrawdownRow(FunctionCallInfo fcinfo, int32 m)
{
	ArrayType  *a = NULL;
	double	   *s = DrawdownGetArg(fcinfo, 0, "max_drawdown", &a);
	const char *fname;
	double		r;
	DdPair		l,
				d,
				rise;

	if (s == NULL)
	{
		Datum		zeros[DD_NITEMS];

		/* drawdowns need an order: refuse an unordered call */
		fname = ta_funcname(fcinfo, "max_drawdown");
		ta_require_order(fcinfo, fname,
						 psprintf("%s(r ORDER BY as_of)", fname));
		for (int i = 0; i < DD_NITEMS; i++)
			zeros[i] = Float8GetDatum(0.0);
		zeros[DD_MINP] = Float8GetDatum((double) m);
		a = construct_array(zeros, DD_NITEMS, FLOAT8OID, sizeof(float8),
							FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
		s = DrawdownItems(a);
	}
	else if (unlikely(s[DD_MINP] != m))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: min_periods must be the same for every row, got %d after %d",
						ta_funcname(fcinfo, "max_drawdown"), m,
						(int) s[DD_MINP])));
	if (PG_ARGISNULL(1))
		PG_RETURN_ARRAYTYPE_P(a);
	r = PG_GETARG_FLOAT8(1);
	ta_check_finite_row(fcinfo, "max_drawdown", "return", r);
	if (unlikely(r < -1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: return must not be below -1 (a loss of more than 100 %%), got %s",
						ta_funcname(fcinfo, "max_drawdown"), float8out_internal(r)),
				 errhint("Returns are fractions: a 5 %% loss is -0.05.")));
	if (unlikely(s[DD_ROWS] >= 0x1p53 - 1))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: too many rows", ta_funcname(fcinfo, "max_drawdown"))));
	s[DD_ROWS] += 1;
	if (s[DD_WIPED] != 0)
		PG_RETURN_ARRAYTYPE_P(a);	/* nothing comes back from zero */
	if (r == -1)
	{
		s[DD_WIPED] = 1;
		PG_RETURN_ARRAYTYPE_P(a);
	}
	l.hi = log1p(r);
	l.lo = 0;
	d = DdAdd(DdGet(s, DD_CUR), l);
	if (d.hi > 0)
		d.hi = d.lo = 0;		/* a new peak */
	DdSet(s, DD_CUR, d);
	if (DdLess(d, DdGet(s, DD_MAX)))
		DdSet(s, DD_MAX, d);
	DdSet(s, DD_LOG, DdAdd(DdGet(s, DD_LOG), l));
	rise = DdAdd(DdGet(s, DD_RISE), l);
	if (rise.hi < 0)
		rise.hi = rise.lo = 0;	/* a new low */
	DdSet(s, DD_RISE, rise);
	PG_RETURN_ARRAYTYPE_P(a);
}

/* max_drawdown(r), current_drawdown(r): transition function. */
Datum
drawdown_accum(PG_FUNCTION_ARGS)
{
	return DrawdownRow(fcinfo, 0);
}

/* max_drawdown(r, min_periods), current_drawdown(...): transition function. */
Datum
drawdown_accum_min(PG_FUNCTION_ARGS)
{
	return DrawdownRow(fcinfo, MinPeriodsArg(fcinfo, 2, "max_drawdown"));
}

/* Combine: the state of the rows of a followed by the rows of b. */
Datum
drawdown_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *aa = NULL;
	ArrayType  *ba = NULL;
	double	   *a = DrawdownGetArg(fcinfo, 0, "drawdown_combine", &aa);
	double	   *b = DrawdownGetArg(fcinfo, 1, "drawdown_combine", &ba);
	DdPair		da,
				db,
				t;

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_ARRAYTYPE_P(aa);
	}
	if (a == NULL)
		PG_RETURN_ARRAYTYPE_P(ba);
	if (a[DD_MINP] != b[DD_MINP])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot combine drawdown states with min_periods %d and %d",
						ta_funcname(fcinfo, "drawdown_combine"),
						(int) a[DD_MINP], (int) b[DD_MINP])));
	if (a[DD_ROWS] + b[DD_ROWS] >= 0x1p53)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s: too many rows",
						ta_funcname(fcinfo, "drawdown_combine"))));
	if (b[DD_ROWS] == 0)
		PG_RETURN_ARRAYTYPE_P(aa);
	if (a[DD_ROWS] == 0 || b[DD_WIPED] != 0)
	{
		/* b alone decides, or everything is lost from b on */
		b[DD_ROWS] += a[DD_ROWS];
		PG_RETURN_ARRAYTYPE_P(ba);
	}
	a[DD_ROWS] += b[DD_ROWS];
	if (a[DD_WIPED] != 0)
		PG_RETURN_ARRAYTYPE_P(aa);
	da = DdGet(a, DD_CUR);
	/* least D: Da + Lb - Rb is the deepest point of b seen from a's peak */
	t = DdAdd(da, DdAdd(DdGet(b, DD_LOG),
						(DdPair) {-b[DD_RISE], -b[DD_RISE + 1]}));
	if (DdLess(DdGet(b, DD_MAX), t))
		t = DdGet(b, DD_MAX);
	if (DdLess(t, DdGet(a, DD_MAX)))
		DdSet(a, DD_MAX, t);
	/* D */
	db = DdAdd(da, DdGet(b, DD_LOG));
	if (DdLess(DdGet(b, DD_CUR), db))
		db = DdGet(b, DD_CUR);
	DdSet(a, DD_CUR, db);
	/* R, then L */
	t = DdAdd(DdGet(a, DD_RISE), DdGet(b, DD_LOG));
	if (DdLess(t, DdGet(b, DD_RISE)))
		t = DdGet(b, DD_RISE);
	DdSet(a, DD_RISE, t);
	DdSet(a, DD_LOG, DdAdd(DdGet(a, DD_LOG), DdGet(b, DD_LOG)));
	PG_RETURN_ARRAYTYPE_P(aa);
}

/*
 * expm1 of a log drawdown d <= 0 in double-double: expm1(hi) + lo·(1 +
 * expm1(hi)), kept within [-1, 0]; NULL (false) for no rows or fewer than
 * min_periods.
 */
static bool
DrawdownResult(const double *s, int i, double *result)
{
	double		e;

	if (s == NULL || s[DD_ROWS] == 0 || s[DD_ROWS] < s[DD_MINP])
		return false;
	if (s[DD_WIPED] != 0)
	{
		*result = -1.0;
		return true;
	}
	e = expm1(s[i]);
	e += s[i + 1] * (1.0 + e);
	*result = Min(Max(e, -1.0), 0.0) + 0.0;
	return true;
}

/* max_drawdown: the deepest fall of wealth from its running peak. */
Datum
max_drawdown_final(PG_FUNCTION_ARGS)
{
	ArrayType  *a = NULL;
	double	   *s = DrawdownGetArg(fcinfo, 0, "max_drawdown", &a);
	double		r;

	if (!DrawdownResult(s, DD_MAX, &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/* current_drawdown: the fall from the running peak at the last row. */
Datum
current_drawdown_final(PG_FUNCTION_ARGS)
{
	ArrayType  *a = NULL;
	double	   *s = DrawdownGetArg(fcinfo, 0, "current_drawdown", &a);
	double		r;

	if (!DrawdownResult(s, DD_CUR, &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}
