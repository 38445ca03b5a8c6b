/*
 * credit.c
 *	  Credit risk as duration times spread: dts() per bond, the
 *	  market-value-weighted dts() aggregate of a portfolio and the
 *	  spread_return() of a spread shock.
 *
 * DTS = spread duration (years) × OAS (bp), in year·bp.  The aggregate is
 * Σw·D·S / Σw with both sums exact (exactsum of kind ES_DTS), which is not
 * the product of the average duration and the average spread.
 */
#include "exactsum.h"

#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(dts_bond);
PG_FUNCTION_INFO_V1(dts_accum);
PG_FUNCTION_INFO_V1(dts_final);
PG_FUNCTION_INFO_V1(dts_inv);
PG_FUNCTION_INFO_V1(spread_return);

#define DTS_W		0			/* Σw */
#define DTS_WDS		1			/* Σw·D·S */

/* Rejects NaN, infinities and a negative spread duration. */
static pg_noinline void
CheckBond(double duration, double spread)
{
	ta_check_finite("dts", "spread_duration", duration);
	ta_check_finite("dts", "spread_bp", spread);
	if (unlikely(duration < 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("dts: spread duration must not be negative, got %s",
						float8out_internal(duration)),
				 errhint("Spread duration is in years; a negative spread (bp) is valid, a negative duration is not.")));
}

/* dts(spread_duration, spread_bp): D × S. */
Datum
dts_bond(PG_FUNCTION_ARGS)
{
	double		d = PG_GETARG_FLOAT8(0);
	double		s = PG_GETARG_FLOAT8(1);
	double		r;

	CheckBond(d, s);
	r = d * s;
	if (unlikely(isinf(r)))
		ta_report_out_of_range("dts");
	PG_RETURN_FLOAT8(r);
}

/* dts(weight, spread_duration, spread_bp): transition function. */
Datum
dts_accum(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_DTS, "dts");
	double		w,
				d,
				s;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		/* never NULL: a moving aggregate's state must not be */
		if (st == NULL)
			st = es_create(ES_DTS, 0);
		es_return(fcinfo, st);
	}
	w = PG_GETARG_FLOAT8(1);
	d = PG_GETARG_FLOAT8(2);
	s = PG_GETARG_FLOAT8(3);
	if (unlikely(!ta_all_finite3(w, d, s) || d < 0))
	{
		ta_check_finite("dts", "weight", w);
		CheckBond(d, s);
	}
	if (st == NULL)
		st = es_create(ES_DTS, 0);
	st = es_add(fcinfo, st, DTS_W, w);
	st = es_add_prod3(fcinfo, st, DTS_WDS, w, d, s);
	st->count++;
	es_return(fcinfo, st);
}

/* dts(weight, spread_duration, spread_bp): inverse transition function. */
Datum
dts_inv(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_DTS, "dts");
	double		w,
				d,
				s;

	if ((PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3)) && st != NULL)
		es_return(fcinfo, st);
	es_inv_check(fcinfo, st, "dts");
	w = PG_GETARG_FLOAT8(1);
	d = PG_GETARG_FLOAT8(2);
	s = PG_GETARG_FLOAT8(3);
	ta_check_finite("dts", "weight", w);
	CheckBond(d, s);
	st = es_add(fcinfo, st, DTS_W, -w);
	st = es_add_prod3(fcinfo, st, DTS_WDS, -w, d, s);
	st = es_removed(fcinfo, st, "dts");
	es_return(fcinfo, st);
}

/* Σw·D·S / Σw; NULL for no rows or a zero total weight. */
Datum
dts_final(PG_FUNCTION_ARGS)
{
	ExactSum   *st = es_getarg(fcinfo, 0, ES_DTS, "dts");
	double		r;

	if (st == NULL || st->count == 0 ||
		!es_ratio(st, DTS_WDS, 1, DTS_W, 1, "dts", &r))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(r);
}

/*
 * spread_return(dts, relative_spread_change): -DTS × ΔS/S, in bp.  A
 * relative change is a fraction (0.1 for a 10 % widening); a zero result is
 * returned as +0.
 */
Datum
spread_return(PG_FUNCTION_ARGS)
{
	double		dts = PG_GETARG_FLOAT8(0);
	double		change = PG_GETARG_FLOAT8(1);
	double		r;

	ta_check_finite("spread_return", "dts", dts);
	ta_check_finite("spread_return", "relative_spread_change", change);
	r = -(dts * change);
	if (unlikely(isinf(r)))
		ta_report_out_of_range("spread_return");
	PG_RETURN_FLOAT8(r == 0 ? 0.0 : r);
}
