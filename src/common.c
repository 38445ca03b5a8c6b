/*
 * common.c
 *	  The module's magic block and the helpers declared in common.h.
 */
#include "common.h"

#include "catalog/pg_enum.h"
#include "mb/pg_wchar.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

PG_MODULE_MAGIC;

#define TA_MAX_ENUM_LABELS 8

typedef struct EnumLabelCache
{
	Oid			typid;
	Oid			labels[TA_MAX_ENUM_LABELS];
} EnumLabelCache;

/* Name of the aggregate being run, or dflt outside an Agg node. */
const char *
ta_funcname(FunctionCallInfo fcinfo, const char *dflt)
{
	Aggref	   *aggref;

	if (fcinfo == NULL || !AggCheckCallContext(fcinfo, NULL))
		return dflt;
	aggref = AggGetAggref(fcinfo);
	if (aggref == NULL)
		return dflt;
	return get_func_name(aggref->aggfnoid);
}

/* Reports a NaN or infinite argument. */
void
ta_report_not_finite(const char *fname, const char *argname, double v)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s must be finite, got %s", fname, argname,
					isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"))));
}

/* Reports a result beyond the range of double precision. */
void
ta_report_out_of_range(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s: result is out of range for type double precision",
					fname)));
}

/* An excerpt of an input for messages, cut at a character boundary. */
char *
ta_input_excerpt(const char *str, size_t len, size_t maxbytes)
{
	int			keep;
	char	   *r;

	if (len <= maxbytes)
		return pnstrdup(str, len);
	keep = pg_mbcliplen(str, (int) Min(len, (size_t) PG_INT32_MAX),
						(int) Min(maxbytes, (size_t) PG_INT32_MAX));
	r = palloc(keep + 4);
	memcpy(r, str, keep);
	memcpy(r + keep, "...", 4);
	return r;
}

/* OID of labels[idx] in the calling function's enum result type. */
Oid
ta_enum_label(FunctionCallInfo fcinfo, const char *const *labels,
			  int nlabels, int idx)
{
	EnumLabelCache *cache = (EnumLabelCache *) fcinfo->flinfo->fn_extra;

	Assert(nlabels <= TA_MAX_ENUM_LABELS && idx >= 0 && idx < nlabels);
	if (cache == NULL)
	{
		Oid			typid = get_func_rettype(fcinfo->flinfo->fn_oid);

		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									   sizeof(EnumLabelCache));
		cache->typid = typid;
		for (int i = 0; i < nlabels; i++)
		{
			cache->labels[i] = GetSysCacheOid2(ENUMTYPOIDNAME,
											   Anum_pg_enum_oid,
											   ObjectIdGetDatum(typid),
											   CStringGetDatum(labels[i]));
			if (!OidIsValid(cache->labels[i]))
				elog(ERROR, "enum %s has no label \"%s\"",
					 format_type_be(typid), labels[i]);
		}
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache->labels[idx];
}
