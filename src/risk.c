/*
 * risk.c
 *	  Risk statistics of return series: volatility(), tracking_error(),
 *	  beta(), correlation() and annualized_return().
 *
 * Each keeps exact sums in an exactsum state (exactsum.h):
 *
 *	volatility			ES_VOL		Σr, Σr², Σp, Σp²
 *	tracking_error		ES_TE		Σd, Σd², Σp, Σp² of d = r - b
 *	beta				ES_BETA		Σm, Σr, Σm², Σr·m
 *	correlation			ES_CORR		Σx, Σy, Σx², Σy², Σx·y
 *	annualized_return	ES_ANNRET	Σlog1p(r), #(r = -1), Σp, Σp²
 *
 * Products enter the sums exactly (the numeric core splits them), and
 * d = r - b is split exactly into two doubles (TwoSum), so every sum is
 * exact and merges and un-merges (a row leaving a window frame) exactly.
 * The final step computes the co-moments n·Σxy − Σx·Σy exactly and divides
 * and takes square roots in double-double (xsum_cross, xsum_real_*), so a
 * result is within 2 ulps of the exact value of its formula, the same bits
 * under any plan, partition of the rows or frame.
 *
 * periods_per_year p must be the same for every row: its sums Σp and Σp²
 * equal n·p and n·p² exactly only then (Σ(p - p̂)² = 0), which the final
 * function checks.
 */
#include "exactsum.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(volatility_accum);
PG_FUNCTION_INFO_V1(volatility_accum_annual);
PG_FUNCTION_INFO_V1(volatility_inv);
PG_FUNCTION_INFO_V1(volatility_inv_annual);
PG_FUNCTION_INFO_V1(volatility_final);
PG_FUNCTION_INFO_V1(tracking_error_accum);
PG_FUNCTION_INFO_V1(tracking_error_accum_annual);
PG_FUNCTION_INFO_V1(tracking_error_inv);
PG_FUNCTION_INFO_V1(tracking_error_inv_annual);
PG_FUNCTION_INFO_V1(tracking_error_final);
PG_FUNCTION_INFO_V1(beta_accum);
PG_FUNCTION_INFO_V1(beta_inv);
PG_FUNCTION_INFO_V1(beta_final);
PG_FUNCTION_INFO_V1(correlation_accum);
PG_FUNCTION_INFO_V1(correlation_inv);
PG_FUNCTION_INFO_V1(correlation_final);
PG_FUNCTION_INFO_V1(annualized_return_accum);
PG_FUNCTION_INFO_V1(annualized_return_inv);
PG_FUNCTION_INFO_V1(annualized_return_final);

/* The sums of ES_VOL and ES_TE */
#define RK_S1		0			/* Σr (or Σd) */
#define RK_S2		1			/* Σr² (or Σd²) */
#define RK_P1		2			/* Σp, with periods_per_year */
#define RK_P2		3			/* Σp² */

/* ES_BETA */
#define BT_M		0			/* Σm */
#define BT_R		1			/* Σr */
#define BT_MM		2			/* Σm² */
#define BT_RM		3			/* Σr·m */

/* ES_CORR */
#define CO_X		0
#define CO_Y		1
#define CO_XX		2
#define CO_YY		3
#define CO_XY		4

/* ES_ANNRET */
#define AR_LOG		0			/* Σlog1p(r) over r > -1 */
#define AR_WIPED	1			/* number of returns of exactly -1 */

/* The aggregates, by kind */
static const char *const risk_names[ES_NKINDS] = {
	[ES_VOL] = "volatility",
	[ES_TE] = "tracking_error",
	[ES_BETA] = "beta",
	[ES_CORR] = "correlation",
	[ES_ANNRET] = "annualized_return",
};

/* The argument names, by kind */
static const char *const risk_args[ES_NKINDS][2] = {
	[ES_VOL] = {"return", NULL},
	[ES_TE] = {"return", "benchmark_return"},
	[ES_BETA] = {"return", "market_return"},
	[ES_CORR] = {"x", "y"},
	[ES_ANNRET] = {"return", NULL},
};

/* Arguments of the row of a risk statistic (after the state) */
static inline int
RiskNargs(int kind)
{
	return risk_args[kind][1] != NULL ? 2 : 1;
}

/* A periods_per_year argument: not NULL, finite and positive. */
static double
PeriodsArg(FunctionCallInfo fcinfo, int argno, const char *fname)
{
	double		p;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: periods_per_year must not be NULL",
						ta_funcname(fcinfo, fname))));
	p = PG_GETARG_FLOAT8(argno);
	ta_check_finite_row(fcinfo, fname, "periods_per_year", p);
	if (unlikely(p <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: periods_per_year must be positive, got %s",
						ta_funcname(fcinfo, fname), float8out_internal(p)),
				 errhint("Use 12 for monthly returns, 252 for daily returns, 52 for weekly returns.")));
	return p;
}

/*
 * Adds (sign 1) or subtracts (sign -1) the terms of one row x[] (and its
 * periods p, with annual) to a state of the given kind.
 */
static ExactSum *
RiskTerms(FunctionCallInfo fcinfo, ExactSum *st, int kind, const double *x,
		  double p, bool annual, double sign)
{
	switch (kind)
	{
		case ES_VOL:
			st = es_add(fcinfo, st, RK_S1, sign * x[0]);
			st = es_add_prod(fcinfo, st, RK_S2, sign * x[0], x[0]);
			break;
		case ES_TE:
			{
				/* d = r - b = dh + dl exactly (TwoSum) */
				double		dh = x[0] - x[1];
				double		bb = dh - x[0];
				double		dl = (x[0] - (dh - bb)) + (-x[1] - bb);

				if (unlikely(isinf(dh)))
					ereport(ERROR,
							(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
							 errmsg("%s: return - benchmark_return is out of range for type double precision (%s - %s)",
									ta_funcname(fcinfo, "tracking_error"),
									float8out_internal(x[0]),
									float8out_internal(x[1]))));
				st = es_add(fcinfo, st, RK_S1, sign * dh);
				st = es_add_prod(fcinfo, st, RK_S2, sign * dh, dh);
				if (dl != 0)
				{
					st = es_add(fcinfo, st, RK_S1, sign * dl);
					st = es_add_prod(fcinfo, st, RK_S2, sign * dh, 2 * dl);
					st = es_add_prod(fcinfo, st, RK_S2, sign * dl, dl);
				}
			}
			break;
		case ES_BETA:
			st = es_add(fcinfo, st, BT_M, sign * x[1]);
			st = es_add(fcinfo, st, BT_R, sign * x[0]);
			st = es_add_prod(fcinfo, st, BT_MM, sign * x[1], x[1]);
			st = es_add_prod(fcinfo, st, BT_RM, sign * x[0], x[1]);
			break;
		case ES_CORR:
			st = es_add(fcinfo, st, CO_X, sign * x[0]);
			st = es_add(fcinfo, st, CO_Y, sign * x[1]);
			st = es_add_prod(fcinfo, st, CO_XX, sign * x[0], x[0]);
			st = es_add_prod(fcinfo, st, CO_YY, sign * x[1], x[1]);
			st = es_add_prod(fcinfo, st, CO_XY, sign * x[0], x[1]);
			break;
		case ES_ANNRET:
			if (x[0] == -1)
				st = es_add(fcinfo, st, AR_WIPED, sign);
			else
				st = es_add(fcinfo, st, AR_LOG, sign * log1p(x[0]));
			break;
		default:
			elog(ERROR, "risk: unexpected state kind %d", kind);
	}
	if (annual)
	{
		st = es_add(fcinfo, st, RK_P1, sign * p);
		st = es_add_prod(fcinfo, st, RK_P2, sign * p, p);
	}
	return st;
}

/*
 * The transition (sign 1) and inverse transition (sign -1) function of a
 * risk statistic: the row's values follow the state, then periods_per_year
 * with annual.  A row with a NULL value is skipped; the state is never NULL
 * (a moving aggregate's must not be).
 */
static Datum
RiskRow(FunctionCallInfo fcinfo, int kind, bool annual, double sign)
{
	const char *fname = risk_names[kind];
	int			nargs = RiskNargs(kind);
	int			mode = annual && kind != ES_ANNRET ? ES_MODE_ANNUAL : 0;
	ExactSum   *st = es_getarg(fcinfo, 0, kind, fname);
	double		x[2],
				p = 0;

	for (int i = 0; i < nargs; i++)
		if (PG_ARGISNULL(1 + i))
		{
			if (st == NULL)
			{
				if (sign < 0)
					es_inv_check(fcinfo, st, fname);
				st = es_create(kind, mode);
			}
			es_return(fcinfo, st);
		}
	if (sign < 0)
		es_inv_check(fcinfo, st, fname);
	for (int i = 0; i < nargs; i++)
	{
		x[i] = PG_GETARG_FLOAT8(1 + i);
		ta_check_finite_row(fcinfo, fname, risk_args[kind][i], x[i]);
	}
	if (annual)
		p = PeriodsArg(fcinfo, 1 + nargs, fname);
	if (kind == ES_ANNRET && unlikely(x[0] < -1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: return must not be below -1 (a loss of more than 100 %%), got %s",
						ta_funcname(fcinfo, fname), float8out_internal(x[0])),
				 errhint("Returns are fractions: a 5 %% loss is -0.05.")));
	if (st == NULL)
		st = es_create(kind, mode);
	else if (unlikely(st->mode != mode))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: cannot mix rows with and without periods_per_year in one state",
						ta_funcname(fcinfo, fname))));
	st = RiskTerms(fcinfo, st, kind, x, p, annual, sign);
	if (sign < 0)
		st = es_removed(fcinfo, st, fname);
	else
		st->count++;
	es_return(fcinfo, st);
}

/* True when the sum a equals x·y·z exactly. */
static bool
SumEquals(const XSum *a, double x, double y, double z)
{
	int64		buf[4 + XSUM_MAX_CHUNKS];
	XSum	   *t = (XSum *) buf;
	int			n = Min(XSUM_MAX_CHUNKS, a->n + 8);

	for (;;)
	{
		int			need;

		xsum_copy(t, n, a);
		need = xsum_add_prod3(t, -x, y, z);
		if (need == 0)
			return xsum_sign(t) == 0;
		if (need < 0 || n == XSUM_MAX_CHUNKS)
			return false;
		n = Min(XSUM_MAX_CHUNKS, Max(need, 2 * n));
	}
}

/*
 * periods_per_year of a state: 1 without; with, the p for which Σp = n·p and
 * Σp² = n·p² exactly, which holds only when every row had that p.
 */
static double
RiskPeriods(FunctionCallInfo fcinfo, ExactSum *st, int ip, bool annual,
			const char *fname)
{
	XSumReal	q;
	double		p,
				n = (double) st->count;

	if (!annual)
		return 1.0;
	q = xsum_real_div(xsum_real(es_sum(st, ip)), xsum_real_double(n));
	if (xsum_real_round(q, &p) != XSUM_OK || p <= 0 ||
		!SumEquals(es_sum(st, ip), p, n, 1.0) ||
		!SumEquals(es_sum(st, ip + 1), p, p, n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: periods_per_year must be the same for every row",
						ta_funcname(fcinfo, fname))));
	return p;
}

/*
 * The state of the final functions of volatility, tracking_error, beta and
 * correlation, which run on every row of a window frame: its structure is
 * checked (so no bytes make the core read out of bounds), and the invariants
 * of its kind are checked by the final step itself, exactly, on the
 * co-moments it computes anyway (a negative one, a periods_per_year that
 * is not one, a correlation beyond ±1 are errors).  Finals do not change
 * their state, so it is not copied.
 */
static ExactSum *
RiskFinalState(FunctionCallInfo fcinfo, int kind, const char *fname)
{
	ExactSum   *st;
	const char *p,
			   *end;

	if (PG_ARGISNULL(0))
		return NULL;
	st = (ExactSum *) PG_GETARG_POINTER(0);
	if (VARATT_IS_EXTENDED(st) || !es_header_valid(st, kind))
		return es_getarg_slow(fcinfo, 0, kind, fname);
	p = (const char *) st + sizeof(ExactSum);
	end = (const char *) st + VARSIZE(st);
	for (int i = 0; i < st->nsums; i++)
	{
		const XSum *a = (const XSum *) p;

		if (xsum_check(a, end - p) != NULL || xsum_check_chunks(a) != NULL)
			return es_getarg_slow(fcinfo, 0, kind, fname);
		p += xsum_size(a->n);
	}
	if (p != end)
		return es_getarg_slow(fcinfo, 0, kind, fname);
	return st;
}

/* Raises "malformed state" for a co-moment a real state cannot have. */
ta_noreturn static void
ReportRiskState(FunctionCallInfo fcinfo, const char *fname, const char *detail)
{
	ta_report_malformed(ta_funcname(fcinfo, fname), "exactsum",
						ERRCODE_INVALID_PARAMETER_VALUE, detail, NULL);
}

/* Rounds a real result, an error beyond the double range. */
static double
RiskRound(XSumReal r, const char *fname)
{
	double		d;

	if (xsum_real_round(r, &d) != XSUM_OK)
		ta_report_out_of_range(fname);
	return d;
}

/*
 * The sample standard deviation times √p of the exact sums S1 = Σx and
 * S2 = Σx² of n rows: sqrt(p·(n·S2 − S1²) / (n·(n − 1))).  NULL (false) for
 * fewer than 2 rows.
 */
static bool
SampleDeviation(FunctionCallInfo fcinfo, ExactSum *st, const char *fname,
				double *result)
{
	bool		annual = st->mode == ES_MODE_ANNUAL;
	double		n = (double) st->count,
				p;
	XSumReal	c,
				v;

	if (st->count < 2)
		return false;
	p = RiskPeriods(fcinfo, st, RK_P1, annual, fname);
	c = xsum_cross(es_sum(st, RK_S2), st->count, es_sum(st, RK_S1),
				   es_sum(st, RK_S1));
	if (c.sign < 0)
		ReportRiskState(fcinfo, fname, "A sum of squares is below the squared sum over the row count.");
	v = xsum_real_div(xsum_real_mul(c, xsum_real_double(p)),
					  xsum_real_mul(xsum_real_double(n), xsum_real_double(n - 1)));
	*result = RiskRound(xsum_real_sqrt(v), fname);
	return true;
}

/* volatility(r): transition function. */
Datum
volatility_accum(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_VOL, false, 1.0);
}

/* volatility(r, periods_per_year): transition function. */
Datum
volatility_accum_annual(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_VOL, true, 1.0);
}

/* volatility(r): inverse transition function. */
Datum
volatility_inv(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_VOL, false, -1.0);
}

/* volatility(r, periods_per_year): inverse transition function. */
Datum
volatility_inv_annual(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_VOL, true, -1.0);
}

/* volatility: sample standard deviation times √periods_per_year. */
Datum
volatility_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = RiskFinalState(fcinfo, ES_VOL, "volatility");
	double		r;

	if (st == NULL || !SampleDeviation(fcinfo, st, "volatility", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/* tracking_error(r, b): transition function. */
Datum
tracking_error_accum(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_TE, false, 1.0);
}

/* tracking_error(r, b, periods_per_year): transition function. */
Datum
tracking_error_accum_annual(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_TE, true, 1.0);
}

/* tracking_error(r, b): inverse transition function. */
Datum
tracking_error_inv(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_TE, false, -1.0);
}

/* tracking_error(r, b, periods_per_year): inverse transition function. */
Datum
tracking_error_inv_annual(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_TE, true, -1.0);
}

/* tracking_error: the volatility of r - b. */
Datum
tracking_error_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = RiskFinalState(fcinfo, ES_TE, "tracking_error");
	double		r;

	if (st == NULL || !SampleDeviation(fcinfo, st, "tracking_error", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/* beta(r, m): transition function. */
Datum
beta_accum(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_BETA, false, 1.0);
}

/* beta(r, m): inverse transition function. */
Datum
beta_inv(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_BETA, false, -1.0);
}

/*
 * beta: cov(r, m) / var(m) = (n·Σrm − Σr·Σm) / (n·Σm² − (Σm)²); NULL for
 * fewer than 2 rows or a market that does not vary.
 */
Datum
beta_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = RiskFinalState(fcinfo, ES_BETA, "beta");
	XSumReal	cmm,
				crm;

	if (st == NULL || st->count < 2)
		PG_RETURN_NULL();
	cmm = xsum_cross(es_sum(st, BT_MM), st->count, es_sum(st, BT_M),
					 es_sum(st, BT_M));
	if (cmm.sign < 0)
		ReportRiskState(fcinfo, "beta", "A sum of squares is below the squared sum over the row count.");
	if (cmm.sign == 0)
		PG_RETURN_NULL();
	crm = xsum_cross(es_sum(st, BT_RM), st->count, es_sum(st, BT_R),
					 es_sum(st, BT_M));
	PG_RETURN_FLOAT8(RiskRound(xsum_real_div(crm, cmm), "beta"));
}

/* correlation(x, y): transition function. */
Datum
correlation_accum(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_CORR, false, 1.0);
}

/* correlation(x, y): inverse transition function. */
Datum
correlation_inv(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_CORR, false, -1.0);
}

/*
 * correlation: cxy / sqrt(cxx·cyy) of the co-moments c = n·Σab − Σa·Σb;
 * NULL for fewer than 2 rows or a side that does not vary.
 */
Datum
correlation_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = RiskFinalState(fcinfo, ES_CORR, "correlation");
	XSumReal	cxx,
				cyy,
				cxy;
	double		r;

	if (st == NULL || st->count < 2)
		PG_RETURN_NULL();
	cxx = xsum_cross(es_sum(st, CO_XX), st->count, es_sum(st, CO_X),
					 es_sum(st, CO_X));
	cyy = xsum_cross(es_sum(st, CO_YY), st->count, es_sum(st, CO_Y),
					 es_sum(st, CO_Y));
	if (cxx.sign < 0 || cyy.sign < 0)
		ReportRiskState(fcinfo, "correlation", "A sum of squares is below the squared sum over the row count.");
	if (cxx.sign == 0 || cyy.sign == 0)
		PG_RETURN_NULL();
	cxy = xsum_cross(es_sum(st, CO_XY), st->count, es_sum(st, CO_X),
					 es_sum(st, CO_Y));
	r = RiskRound(xsum_real_div(cxy, xsum_real_sqrt(xsum_real_mul(cxx, cyy))),
				  "correlation");
	/* an exact |correlation| <= 1 rounds to at most 1 */
	if (fabs(r) > 1.0)
		ReportRiskState(fcinfo, "correlation", "The co-moment exceeds the product of the standard deviations.");
	PG_RETURN_FLOAT8(r);
}

/* annualized_return(r, periods_per_year): transition function. */
Datum
annualized_return_accum(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_ANNRET, true, 1.0);
}

/* annualized_return(r, periods_per_year): inverse transition function. */
Datum
annualized_return_inv(PG_FUNCTION_ARGS)
{
	return RiskRow(fcinfo, ES_ANNRET, true, -1.0);
}

/*
 * annualized_return: (Π(1 + r))^(p / n) − 1 = expm1(t) with t = p/n · Σlog1p(r)
 * in double-double (t = th + tl: expm1(th) + tl·(1 + expm1(th))); −1 when a
 * return is −1.
 */
Datum
annualized_return_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_ANNRET, "annualized_return");
	double		p,
				th,
				tl,
				e,
				r;
	XSumReal	t;

	if (st == NULL || st->count == 0)
		PG_RETURN_NULL();
	p = RiskPeriods(fcinfo, st, RK_P1, true, "annualized_return");
	if (xsum_sign(es_sum(st, AR_WIPED)) != 0)
		PG_RETURN_FLOAT8(-1.0);
	t = xsum_real_div(xsum_real_mul(xsum_real(es_sum(st, AR_LOG)),
									xsum_real_double(p)),
					  xsum_real_double((double) st->count));
	if (t.sign == 0)
		PG_RETURN_FLOAT8(0.0);
	if (t.exp > 11)
	{
		/* |t| >= 4096: beyond the double range, or -1 to the last bit */
		if (t.sign > 0)
			ta_report_out_of_range("annualized_return");
		PG_RETURN_FLOAT8(-1.0);
	}
	th = t.sign * ldexp(t.hi, t.exp);
	tl = t.sign * ldexp(t.lo, t.exp);
	e = expm1(th);
	r = e + tl * (e + 1);
	if (unlikely(isinf(r)))
		ta_report_out_of_range("annualized_return");
	PG_RETURN_FLOAT8(r);
}
