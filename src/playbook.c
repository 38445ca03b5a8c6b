/*
 * playbook.c
 *	  The tilts a macro regime implies: regime_tilts() reads the
 *	  regime_playbook table (shipped rows and the user's edits, kept by
 *	  pg_dump; see src/regime.sql for the table and its triggers).
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
#include "utils/tuplestore.h"
#pragma GCC diagnostic pop

/* ------------------------------------------------------------------------
 * regime_tilts(), growth_inflation_tilts(): the rows of a playbook table
 * (regime_playbook, growth_inflation_playbook) for a regime or quadrant
 *
 * The table is read with SPI, qualified by the schema this function lives
 * in (the extension's schema, wherever it has been moved), so the result
 * never depends on search_path.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(regime_tilts);
PG_FUNCTION_INFO_V1(growth_inflation_tilts);

/* asset, tilt, note of each row of the playbook table for argument 0, by asset. */
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
	rc = SPI_execute_with_args(sql, 1, &argtype, &arg, NULL, true, 0);
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

/* regime_tilts(regime): the rows of regime_playbook for a macro regime. */
Datum
regime_tilts(PG_FUNCTION_ARGS)
{
	return PlaybookTilts(fcinfo, "regime_tilts", "regime_playbook");
}

/* growth_inflation_tilts(quadrant): the rows of growth_inflation_playbook. */
Datum
growth_inflation_tilts(PG_FUNCTION_ARGS)
{
	return PlaybookTilts(fcinfo, "growth_inflation_tilts", "growth_inflation_playbook");
}
