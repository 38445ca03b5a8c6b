/*
 * playbook.c
 *	  The tilts a macro regime implies: regime_tilts() reads the copy of
 *	  the regime_playbook table (shipped rows and the user's edits, kept by
 *	  pg_dump; see src/regime.sql for the table, its triggers and the copy,
 *	  _regime_playbook_tilts, which a Citus cluster makes a reference table).
 */
#include "common.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

/*
 * SPI and set-returning functions pull in server headers with inline
 * functions whose parameters are unused in builds without assertions
 * (bufpage.h, ilist.h): keep -Wextra quiet about code that is not ours.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/tuplestore.h"
#pragma GCC diagnostic pop

/* ------------------------------------------------------------------------
 * regime_tilts(), growth_inflation_tilts(): the rows of a playbook table
 * (regime_playbook, growth_inflation_playbook) for a regime or quadrant
 *
 * They read the playbook's copy without triggers (_regime_playbook_tilts,
 * _growth_inflation_playbook_tilts), which a trigger on the playbook keeps
 * equal to it.  The copy is read with SPI, qualified by the schema this
 * function lives in (the extension's schema, wherever it has been moved), so
 * the result never depends on search_path.
 *
 * On a Citus cluster distribute_playbooks() makes the copies reference
 * tables, and a distributed query runs these functions on the workers, inside
 * a query on a shard.  Citus refuses a query on a Citus table there ("nested
 * distributed execution") unless citus.allow_nested_distributed_execution is
 * on: the read sets it for itself alone.  Reading a reference table is what
 * Citus itself allows in local execution (its placements never move, every
 * node has one), and the read sees the edits of the transaction it runs in.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(regime_tilts);
PG_FUNCTION_INFO_V1(growth_inflation_tilts);

/* Citus's setting that lets a query on a shard read a Citus table */
#define CITUS_NESTED_GUC "citus.allow_nested_distributed_execution"

/* asset, tilt, note of each row of the playbook copy for argument 0, by asset. */
static Datum
PlaybookTilts(FunctionCallInfo fcinfo, const char *fname, const char *table)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			fn_oid = fcinfo->flinfo->fn_oid;
	char	   *schema;
	Oid			argtype;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	MemoryContext oldcxt;
	char	   *sql;
	Datum		arg = PG_GETARG_DATUM(0);
	int			rc;
	int			gucLevel;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s: set-valued function called in a context that cannot accept a set", fname)));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "%s: return type must be a row type", fname);

	schema = get_namespace_name(get_func_namespace(fn_oid));
	if (schema == NULL)
		elog(ERROR, "%s: cache lookup failed for the schema of function %u", fname, fn_oid);
	{
		Oid		   *argtypes;
		int			nargs;

		get_func_signature(fn_oid, &argtypes, &nargs);
		argtype = argtypes[0];	/* the enum, wherever it lives */
	}
	/*
	 * Nothing in the query may resolve through the caller's search_path
	 * (a user's "=" for the enum would run here): the table is
	 * qualified by the extension's schema, the operator and the types by
	 * pg_catalog.
	 */
	sql = psprintf("SELECT p.asset::pg_catalog.text, p.tilt::pg_catalog.text, p.note::pg_catalog.text"
				   " FROM %s.%s AS p"
				   " WHERE p.regime OPERATOR(pg_catalog.=) $1"
				   " ORDER BY p.asset USING OPERATOR(pg_catalog.<)",
				   quote_identifier(schema), quote_identifier(table));

	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
	store = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(oldcxt);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "%s: SPI_connect failed", fname);
	gucLevel = NewGUCNestLevel();
	if (GetConfigOption(CITUS_NESTED_GUC, true, false) != NULL)
		(void) set_config_option(CITUS_NESTED_GUC, "on", PGC_USERSET, PGC_S_SESSION,
								 GUC_ACTION_SAVE, true, 0, false);
	rc = SPI_execute_with_args(sql, 1, &argtype, &arg, NULL, true, 0);
	AtEOXact_GUC(true, gucLevel);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "%s: reading %s.%s failed: %s",
			 fname, schema, table, SPI_result_code_string(rc));
	if (SPI_tuptable->tupdesc->natts != tupdesc->natts)
		elog(ERROR, "%s: unexpected columns in %s", fname, table);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		Datum		values[3];
		bool		nulls[3];

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < 3; c++)
			values[c] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
									  c + 1, &nulls[c]);
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	SPI_finish();

	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	return (Datum) 0;
}

/* regime_tilts(regime): the rows of regime_playbook (its copy) for a macro regime. */
Datum
regime_tilts(PG_FUNCTION_ARGS)
{
	return PlaybookTilts(fcinfo, "regime_tilts", "_regime_playbook_tilts");
}

/* growth_inflation_tilts(quadrant): the rows of growth_inflation_playbook (its copy). */
Datum
growth_inflation_tilts(PG_FUNCTION_ARGS)
{
	return PlaybookTilts(fcinfo, "growth_inflation_tilts", "_growth_inflation_playbook_tilts");
}
