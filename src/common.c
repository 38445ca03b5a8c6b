/*
 * common.c
 *	  The module's magic block and the helpers declared in common.h.
 */
#include "common.h"

#include "catalog/pg_aggregate.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
/*
 * execnodes.h pulls in server headers whose inline functions have parameters
 * unused in builds without assertions (bufpage.h, ilist.h): keep -Wextra
 * quiet about code that is not ours (as order.c does).
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "nodes/execnodes.h"
#pragma GCC diagnostic pop
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

/*
 * The name of the aggregate an Aggref runs.  A wrapper aggregate that runs
 * another aggregate's transition or combine function on its behalf names the
 * aggregate it runs by OID in a constant first argument (Citus runs partial
 * aggregation on its workers as worker_partial_agg(aggregate oid, args) and
 * combines them as coord_combine_agg(aggregate oid, ...)): then that one is
 * named, so that errors raised on a worker name the user's aggregate.
 */
static const char *
AggrefName(Aggref *aggref)
{
	if (aggref->args != NIL)
	{
		TargetEntry *arg = linitial_node(TargetEntry, aggref->args);

		if (IsA(arg->expr, Const))
		{
			Const	   *c = (Const *) arg->expr;

			if (!c->constisnull &&
				(c->consttype == OIDOID || c->consttype == REGPROCEDUREOID) &&
				SearchSysCacheExists1(AGGFNOID, c->constvalue))
				return get_func_name(DatumGetObjectId(c->constvalue));
		}
	}
	return get_func_name(aggref->aggfnoid);
}

/*
 * The name of the aggregate a window runs with the function called, when the
 * window's aggregates that use it all have one name; else NULL.  A window
 * aggregate has no Aggref, so its WindowFunc nodes are searched for an
 * aggregate whose support functions include the one called.
 */
static const char *
WindowAggName(FunctionCallInfo fcinfo)
{
	WindowAggState *winstate;
	Oid			fn = fcinfo->flinfo != NULL ? fcinfo->flinfo->fn_oid : InvalidOid;
	const char *found = NULL;
	ListCell   *lc;

	if (fcinfo->context == NULL || !IsA(fcinfo->context, WindowAggState) ||
		!OidIsValid(fn))
		return NULL;
	winstate = (WindowAggState *) fcinfo->context;
	foreach(lc, winstate->funcs)
	{
		WindowFuncExprState *wfs = (WindowFuncExprState *) lfirst(lc);
		HeapTuple	tup;
		Form_pg_aggregate agg;
		bool		uses;
		const char *name;

		if (!wfs->wfunc->winagg)
			continue;
		tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(wfs->wfunc->winfnoid));
		if (!HeapTupleIsValid(tup))
			continue;
		agg = (Form_pg_aggregate) GETSTRUCT(tup);
		uses = fn == agg->aggtransfn || fn == agg->aggfinalfn ||
			fn == agg->aggmtransfn || fn == agg->aggminvtransfn ||
			fn == agg->aggmfinalfn;
		ReleaseSysCache(tup);
		if (!uses)
			continue;
		name = get_func_name(wfs->wfunc->winfnoid);
		if (name == NULL)
			continue;
		if (found != NULL && strcmp(found, name) != 0)
			return NULL;
		found = name;
	}
	return found;
}

/*
 * Name of the aggregate being run, or dflt outside an Agg node (with dflt
 * NULL: the name of the function called).
 */
const char *
ta_funcname(FunctionCallInfo fcinfo, const char *dflt)
{
	Aggref	   *aggref;

	if (dflt == NULL)
		dflt = fcinfo != NULL && fcinfo->flinfo != NULL ?
			get_func_name(fcinfo->flinfo->fn_oid) : NULL;
	if (dflt == NULL)
		dflt = "tactalloc";
	if (fcinfo == NULL)
		return dflt;
	switch (AggCheckCallContext(fcinfo, NULL))
	{
		case AGG_CONTEXT_AGGREGATE:
			break;
		case AGG_CONTEXT_WINDOW:
			{
				const char *name = WindowAggName(fcinfo);

				return name != NULL ? name : dflt;
			}
		default:
			return dflt;
	}
	aggref = AggGetAggref(fcinfo);
	if (aggref == NULL)
		return dflt;
	return AggrefName(aggref);
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

/*
 * Reports a state that is not one a real aggregate could have built: every
 * state type (exactsum, weightset, the array states) rejects one the same
 * way, "fname: malformed <type> state", with what is wrong as the detail.
 */
void
ta_report_malformed(const char *fname, const char *statetype, int sqlstate,
					const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("%s: malformed %s state", fname, statetype),
			 errdetail("%s", detail),
			 hint ? errhint("%s", hint) : 0));
}

/* Reports an exact sum beyond the range of the numeric core. */
void
ta_report_sum_range(const char *fname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s: exact sum out of range", fname),
			 errdetail("No sum of finite values reaches 2^3136 in magnitude; the state was forged or corrupted.")));
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

/*
 * OID of labels[idx] in the calling function's enum result type.  Each label
 * is looked up when first needed, so a label renamed with ALTER TYPE fails
 * only the calls that need it, with an error naming the function and label.
 */
Oid
ta_enum_label(FunctionCallInfo fcinfo, const char *const *labels,
			  int nlabels, int idx)
{
	EnumLabelCache *cache = (EnumLabelCache *) fcinfo->flinfo->fn_extra;

	if (nlabels > TA_MAX_ENUM_LABELS || idx < 0 || idx >= nlabels)
		elog(ERROR, "ta_enum_label: label %d of %d out of range", idx, nlabels);
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
									   sizeof(EnumLabelCache));
		cache->typid = get_func_rettype(fcinfo->flinfo->fn_oid);
		fcinfo->flinfo->fn_extra = cache;
	}
	if (!OidIsValid(cache->labels[idx]))
	{
		Oid			label = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
											ObjectIdGetDatum(cache->typid),
											CStringGetDatum(labels[idx]));

		if (!OidIsValid(label))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("%s: type %s has no label \"%s\"",
							ta_funcname(fcinfo, get_func_name(fcinfo->flinfo->fn_oid)),
							format_type_be(cache->typid), labels[idx]),
					 errhint("The labels of %s were changed with ALTER TYPE; rename them back to those tactalloc defines, or reinstall the extension.",
							 format_type_be(cache->typid))));
		cache->labels[idx] = label;
	}
	return cache->labels[idx];
}
