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

#include "utils/builtins.h"

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
