/*
 * regime.c
 *	  Macro regime of a leading indicator: regime_classify().
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

PG_FUNCTION_INFO_V1(regime_classify);

/* Labels of the macro_regime enum, in cycle order. */
enum
{
	REGIME_RECOVERY,
	REGIME_EXPANSION,
	REGIME_SLOWDOWN,
	REGIME_CONTRACTION,
	REGIME_NLABELS
};

static const char *const regime_labels[REGIME_NLABELS] = {
	"recovery", "expansion", "slowdown", "contraction"
};

/* regime_classify(level, change, trend): the quadrant, or NULL if flat. */
Datum
regime_classify(PG_FUNCTION_ARGS)
{
	double		level = PG_GETARG_FLOAT8(0);
	double		change = PG_GETARG_FLOAT8(1);
	double		trend = PG_GETARG_FLOAT8(2);
	bool		above;
	int			r;

	ta_check_finite("regime_classify", "level", level);
	ta_check_finite("regime_classify", "change", change);
	ta_check_finite("regime_classify", "trend", trend);
	if (change == 0)
		PG_RETURN_NULL();
	above = level >= trend;
	if (change > 0)
		r = above ? REGIME_EXPANSION : REGIME_RECOVERY;
	else
		r = above ? REGIME_SLOWDOWN : REGIME_CONTRACTION;
	PG_RETURN_OID(ta_enum_label(fcinfo, regime_labels, REGIME_NLABELS, r));
}
