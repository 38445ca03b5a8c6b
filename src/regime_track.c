/*
 * regime_track.c
 *	  Macro regime over an ordered series: the regime_track() automaton
 *	  with whipsaw confirmation and regime_shifts(), both ordered-set
 *	  aggregates whose partial states combine as "a followed by b".
 */
#include "common.h"
#include "order.h"
#include "regime.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

/* ------------------------------------------------------------------------
 * regime_track(): the confirmed regime of an ordered series
 *
 * An automaton reads the readings in the order the aggregate receives them
 * (window order when run as OVER (ORDER BY as_of)).  Each non-NULL reading
 * gives a raw regime from its level and the current direction; a flat
 * change keeps the previous direction, and before the first non-zero change
 * there is no direction and no raw regime.  The candidate regime and its run
 * count the consecutive equal raw regimes; once the run reaches `confirm`
 * the candidate becomes the reported regime.
 *
 * Combining "segment a followed by segment b": the automaton state at the
 * end of b depends on the state at the start of b only through a prefix of
 * b.  While it reads a segment from a blank start, the state tracks how much
 * of itself is already independent of what came before:
 *
 *	collecting	the direction or the run may still depend on earlier input;
 *				every reading is kept (the prefix);
 *	runknown	direction, candidate and run are independent of earlier input
 *				(a non-zero change was read, then either the raw regime
 *				changed or the run reached `confirm`); only the reported
 *				regime may still depend on it, through the prefix kept so far;
 *	synced		a confirmation happened after that point: the whole state is
 *				independent of earlier input, and the prefix is dropped.
 *
 * combine(a, b) is b itself when b is synced; otherwise b's prefix is
 * replayed from a's state, and when b is runknown its direction, candidate
 * and run replace the replayed ones (nothing after b's prefix can change the
 * reported regime, or b would be synced).  The prefix is the leading flat
 * readings plus at most `confirm` readings, so states stay small.
 *
 * State: a float8[] of RT_HEADER numbers followed by the prefix, one code
 * per reading: 3 * (level >= trend) + (sign(change) + 1).
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(regime_track_accum);
PG_FUNCTION_INFO_V1(regime_track_combine);
PG_FUNCTION_INFO_V1(regime_track_final);

#define RT_FORMAT		0		/* format version, RT_VERSION */
#define RT_CONFIRM		1		/* confirm, >= 1 */
#define RT_TREND		2		/* trend, finite */
#define RT_DIR			3		/* direction: -1, 0 (none yet), +1 */
#define RT_CAND			4		/* candidate regime, -1 for none */
#define RT_RUN			5		/* run of the candidate, 0..confirm */
#define RT_REPORTED		6		/* reported regime, -1 for none (NULL) */
#define RT_PHASE		7		/* RT_COLLECTING, RT_RUNKNOWN, RT_SYNCED */
#define RT_DIROWN		8		/* 1 once this state read a non-zero change */
#define RT_LASTOWN		9		/* last raw regime read since then, or -1 */
#define RT_OWNRUN		10		/* run of it since then, 0..confirm */
#define RT_HEADER		11

#define RT_VERSION		1
#define RT_COLLECTING	0
#define RT_RUNKNOWN		1
#define RT_SYNCED		2
#define RT_NCODES		6

typedef struct RegimeTrack
{
	int32		confirm;
	double		trend;
	int			dir;
	int			cand;
	int32		run;
	int			reported;
	int			phase;
	bool		dirown;
	int			lastown;
	int32		ownrun;
	int			nevents;		/* readings in the prefix */
	int			maxevents;		/* room in events[] */
	uint8	   *events;
} RegimeTrack;


/* Raises "malformed regime_track state" naming the problem. */
static void
ReportMalformedTrack(const char *fname, const char *problem)
{
	ta_report_malformed(fname, "regime_track", ERRCODE_INVALID_PARAMETER_VALUE,
						psprintf("%c%s.", pg_toupper((unsigned char) problem[0]), problem + 1),
						"A regime_track state is a float8[] built by _regime_track_accum().");
}

/* v as an integer in [lo, hi], or a malformed-state error naming what. */
static int64
TrackInt(double v, int64 lo, int64 hi, const char *fname, const char *what)
{
	if (!(v >= (double) lo && v <= (double) hi) || v != floor(v))
		ReportMalformedTrack(fname, psprintf("%s %s", what, float8out_internal(v)));
	return (int64) v;
}

/*
 * Whether a regime is one of an improving indicator (recovery, expansion):
 * the candidate regime was read with the current direction, and so was the
 * last own regime while the state collects.
 */
static inline bool
RegimeRising(int regime)
{
	return regime == REGIME_RECOVERY || regime == REGIME_EXPANSION;
}

/*
 * Reads and validates the header v[0 .. RT_HEADER - 1] of a state of n
 * elements into *st; the prefix is left to the caller (st->events NULL).
 */
static void
TrackParseHeader(const double *v, int n, RegimeTrack *st, const char *fname)
{
	if (n < RT_HEADER)
		ReportMalformedTrack(fname, psprintf("%d elements, at least %d expected",
											 n, RT_HEADER));
	if (v[RT_FORMAT] != RT_VERSION)
		ReportMalformedTrack(fname, psprintf("unsupported format version %s",
											 float8out_internal(v[RT_FORMAT])));
	st->confirm = (int32) TrackInt(v[RT_CONFIRM], 1, PG_INT32_MAX, fname, "confirm");
	st->trend = v[RT_TREND];
	if (isnan(st->trend) || isinf(st->trend))
		ReportMalformedTrack(fname, psprintf("trend %s",
											 float8out_internal(st->trend)));
	st->dir = (int) TrackInt(v[RT_DIR], -1, 1, fname, "direction");
	st->cand = (int) TrackInt(v[RT_CAND], -1, REGIME_NLABELS - 1, fname, "candidate");
	st->run = (int32) TrackInt(v[RT_RUN], 0, st->confirm, fname, "run");
	st->reported = (int) TrackInt(v[RT_REPORTED], -1, REGIME_NLABELS - 1, fname, "reported regime");
	st->phase = (int) TrackInt(v[RT_PHASE], RT_COLLECTING, RT_SYNCED, fname, "phase");
	st->dirown = TrackInt(v[RT_DIROWN], 0, 1, fname, "own-direction flag") != 0;
	st->lastown = (int) TrackInt(v[RT_LASTOWN], -1, REGIME_NLABELS - 1, fname, "last own regime");
	st->ownrun = (int32) TrackInt(v[RT_OWNRUN], 0, st->confirm, fname, "own run");
	if ((st->cand < 0) != (st->run == 0) ||
		(st->dir == 0 && (st->cand >= 0 || st->reported >= 0 || st->dirown)) ||
		(st->cand >= 0 && RegimeRising(st->cand) != (st->dir > 0)) ||
		(st->phase == RT_COLLECTING && st->dirown &&
		 RegimeRising(st->lastown) != (st->dir > 0)) ||
		(st->dirown != (st->lastown >= 0)) ||
		(!st->dirown && (st->ownrun != 0 || st->phase != RT_COLLECTING)) ||
		(st->phase == RT_RUNKNOWN && st->run >= st->confirm) ||
		(st->phase == RT_SYNCED && (n != RT_HEADER || st->reported < 0)))
		ReportMalformedTrack(fname, "inconsistent header");
	st->nevents = n - RT_HEADER;
	st->maxevents = 0;
	st->events = NULL;
}

static void TrackAdvance(RegimeTrack *st, int code);

/*
 * Checks that the prefix of a parsed state gives its header: a state read
 * from a blank start keeps every reading until its phase leaves collecting,
 * so replaying them from a blank start must end in the same phase with the
 * same own direction and run, and, while still collecting, in the same
 * automaton.
 */
static void
TrackCheckPrefix(const RegimeTrack *st, const char *fname)
{
	RegimeTrack r;

	memset(&r, 0, sizeof(r));
	r.confirm = st->confirm;
	r.trend = st->trend;
	r.cand = -1;
	r.reported = -1;
	r.lastown = -1;
	r.phase = RT_COLLECTING;
	for (int i = 0; i < st->nevents; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (r.phase != RT_COLLECTING)
			ReportMalformedTrack(fname, "readings kept after the prefix ended");
		TrackAdvance(&r, st->events[i]);
	}
	if (st->phase == RT_SYNCED)
		return;					/* no prefix (checked with the header) */
	if (r.phase != st->phase || r.dirown != st->dirown ||
		r.lastown != st->lastown || r.ownrun != st->ownrun ||
		(st->phase == RT_COLLECTING &&
		 (r.dir != st->dir || r.cand != st->cand || r.run != st->run ||
		  r.reported != st->reported)))
		ReportMalformedTrack(fname, "the header does not match the readings kept");
}

/* Reads and validates a state array into *st (the prefix is copied). */
static void
TrackParse(ArrayType *arr, RegimeTrack *st, const char *fname)
{
	const double *v;

	if (ARR_NDIM(arr) != 1 || ARR_HASNULL(arr) ||
		ARR_ELEMTYPE(arr) != FLOAT8OID)
		ReportMalformedTrack(fname, "not a one-dimensional float8[] without NULLs");
	v = (const double *) ta_array_data(arr);
	TrackParseHeader(v, ARR_DIMS(arr)[0], st, fname);
	st->maxevents = st->nevents + 1;
	st->events = palloc(st->maxevents);
	for (int i = 0; i < st->nevents; i++)
	{
		CHECK_FOR_INTERRUPTS();
		st->events[i] = (uint8) TrackInt(v[RT_HEADER + i], 0, RT_NCODES - 1,
										 fname, "reading code");
	}
	TrackCheckPrefix(st, fname);
}

/* A blank state: nothing read yet. */
static void
TrackInit(RegimeTrack *st, int32 confirm, double trend)
{
	st->confirm = confirm;
	st->trend = trend;
	st->dir = 0;
	st->cand = -1;
	st->run = 0;
	st->reported = -1;
	st->phase = RT_COLLECTING;
	st->dirown = false;
	st->lastown = -1;
	st->ownrun = 0;
	st->nevents = 0;
	st->maxevents = 4;
	st->events = palloc(st->maxevents);
}

/* The state as a new float8[]. */
static ArrayType *
TrackBuild(const RegimeTrack *st)
{
	int			n = RT_HEADER + st->nevents;
	Datum	   *d = palloc(n * sizeof(Datum));

	d[RT_FORMAT] = Float8GetDatum(RT_VERSION);
	d[RT_CONFIRM] = Float8GetDatum(st->confirm);
	d[RT_TREND] = Float8GetDatum(st->trend);
	d[RT_DIR] = Float8GetDatum(st->dir);
	d[RT_CAND] = Float8GetDatum(st->cand);
	d[RT_RUN] = Float8GetDatum(st->run);
	d[RT_REPORTED] = Float8GetDatum(st->reported);
	d[RT_PHASE] = Float8GetDatum(st->phase);
	d[RT_DIROWN] = Float8GetDatum(st->dirown ? 1 : 0);
	d[RT_LASTOWN] = Float8GetDatum(st->lastown);
	d[RT_OWNRUN] = Float8GetDatum(st->ownrun);
	for (int i = 0; i < st->nevents; i++)
	{
		CHECK_FOR_INTERRUPTS();
		d[RT_HEADER + i] = Float8GetDatum(st->events[i]);
	}
	return construct_array(d, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
							TYPALIGN_DOUBLE);
}

/*
 * Reads one reading (its code) into the automaton; keeping the reading in
 * the prefix (while collecting) and dropping the prefix (once synced) are
 * the caller's.
 */
static void
TrackAdvance(RegimeTrack *st, int code)
{
	bool		above = code / 3 != 0;
	int			sign = code % 3 - 1;
	int			raw;

	if (sign != 0)
	{
		st->dir = sign;
		st->dirown = true;
	}
	if (st->dir == 0)
		return;					/* no direction yet: no raw regime */
	if (st->dir > 0)
		raw = above ? REGIME_EXPANSION : REGIME_RECOVERY;
	else
		raw = above ? REGIME_SLOWDOWN : REGIME_CONTRACTION;

	if (raw == st->cand)
		st->run = Min(st->run, st->confirm - 1) + 1;
	else
	{
		st->cand = raw;
		st->run = 1;
	}
	if (st->run >= st->confirm)
		st->reported = st->cand;

	/* how much of the state is independent of what came before */
	if (st->phase == RT_COLLECTING && st->dirown)
	{
		if (st->lastown >= 0 && raw != st->lastown)
			st->phase = RT_RUNKNOWN;	/* the run restarted here */
		else
		{
			st->ownrun = Min(st->ownrun, st->confirm - 1) + 1;
			if (st->ownrun >= st->confirm)
				st->phase = RT_RUNKNOWN;	/* the run is full here */
		}
		st->lastown = raw;
	}
	if (st->phase == RT_RUNKNOWN && st->run >= st->confirm)
		st->phase = RT_SYNCED;	/* confirmed after that point */
}

/* Reads one reading into a state whose prefix is in st->events. */
static void
TrackStep(RegimeTrack *st, int code)
{
	if (st->phase == RT_COLLECTING)
	{
		if (st->nevents == st->maxevents)
		{
			st->maxevents = Max(2 * st->maxevents, 4);
			st->events = repalloc(st->events, st->maxevents);
		}
		st->events[st->nevents++] = (uint8) code;
	}
	TrackAdvance(st, code);
	if (st->phase == RT_SYNCED)
		st->nevents = 0;
}

/* The confirm and trend arguments, checked; 1 and 100 when omitted. */
static void
TrackArgs(FunctionCallInfo fcinfo, int32 *confirm, double *trend)
{
	*confirm = 1;
	*trend = 100;
	if (PG_NARGS() > 3)
	{
		if (PG_ARGISNULL(3))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("regime_track: confirm must not be NULL")));
		*confirm = PG_GETARG_INT32(3);
		if (*confirm < 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("regime_track: confirm must be at least 1, got %d",
							*confirm),
					 errhint("confirm is the number of consecutive readings of a new regime needed to report it; 1 reports every change.")));
	}
	if (PG_NARGS() > 4)
	{
		if (PG_ARGISNULL(4))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("regime_track: trend must not be NULL")));
		*trend = PG_GETARG_FLOAT8(4);
		ta_check_finite("regime_track", "trend", *trend);
	}
}

/* Raises the error for a row whose confirm or trend differ from the state's. */
static void
TrackCheckSameArgs(const RegimeTrack *st, int32 confirm, double trend)
{
	if (st->confirm != confirm || st->trend != trend)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("regime_track: confirm and trend must be the same for every row of a group"),
				 errdetail("The state has confirm %d and trend %s; this row has confirm %d and trend %s.",
						   st->confirm, float8out_internal(st->trend),
						   confirm, float8out_internal(trend))));
}

/*
 * The code of the reading in arguments 1 and 2 (level, change) against
 * trend, or -1 when either is NULL (the reading is skipped).
 */
static int
TrackReading(FunctionCallInfo fcinfo, double trend)
{
	double		level;
	double		change;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return -1;
	level = PG_GETARG_FLOAT8(1);
	change = PG_GETARG_FLOAT8(2);
	ta_check_finite("regime_track", "level", level);
	ta_check_finite("regime_track", "change", change);
	return 3 * (level >= trend ? 1 : 0) + (change > 0 ? 2 : (change < 0 ? 0 : 1));
}

/*
 * The header of a state held as an expanded array into *st (no prefix
 * read: st->events is NULL), or false when the array is not a float8[]
 * this code can read in place (the caller then flattens it).
 */
static bool
TrackExpandedHeader(ExpandedArrayHeader *eah, RegimeTrack *st,
					const char *fname)
{
	double		hdr[RT_HEADER];

	if (eah->ea_magic != EA_MAGIC || eah->element_type != FLOAT8OID ||
		eah->ndims != 1 || eah->lbound[0] != 1)
		return false;
	deconstruct_expanded_array(eah);
	if (eah->dnulls != NULL || eah->nelems < RT_HEADER)
		return false;
	for (int i = 0; i < RT_HEADER; i++)
		hdr[i] = DatumGetFloat8(eah->dvalues[i]);
	TrackParseHeader(hdr, eah->nelems, st, fname);
	return true;
}

/* Sets element i (0-based) of an expanded float8[], growing it by one at most. */
static void
TrackSetExpanded(ExpandedArrayHeader *eah, int i, double v)
{
	int			subscript = i + 1;

	if (i < eah->nelems && DatumGetFloat8(eah->dvalues[i]) == v)
		return;
	(void) array_set_element(EOHPGetRWDatum(&eah->hdr), 1, &subscript,
							 Float8GetDatum(v), false, -1, sizeof(float8),
							 FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
}

/* Writes the header of st into an expanded state. */
static void
TrackStoreExpanded(ExpandedArrayHeader *eah, const RegimeTrack *st)
{
	TrackSetExpanded(eah, RT_DIR, st->dir);
	TrackSetExpanded(eah, RT_CAND, st->cand);
	TrackSetExpanded(eah, RT_RUN, st->run);
	TrackSetExpanded(eah, RT_REPORTED, st->reported);
	TrackSetExpanded(eah, RT_PHASE, st->phase);
	TrackSetExpanded(eah, RT_DIROWN, st->dirown ? 1 : 0);
	TrackSetExpanded(eah, RT_LASTOWN, st->lastown);
	TrackSetExpanded(eah, RT_OWNRUN, st->ownrun);
}

/*
 * regime_track(level, change [, confirm [, trend]]): transition function.
 *
 * Inside an aggregate a state that keeps a prefix is handed back as an
 * expanded array (read-write, owned by the aggregate's memory context):
 * the executor then passes the same object to the next call, which checks
 * the header and appends the reading in place, so each row costs the same
 * however long the prefix grows.  Once the state is synced it has no
 * prefix and is a plain array of RT_HEADER elements, changed in place.
 * Outside an aggregate the input is never changed.
 */
Datum
regime_track_accum(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = NULL;
	bool		inagg = AggCheckCallContext(fcinfo, &aggcxt) != 0;
	ArrayType  *arr = NULL;
	RegimeTrack st;
	int32		confirm;
	double		trend;
	int			code;
	int			before;

	TrackArgs(fcinfo, &confirm, &trend);
	if (inagg && !PG_ARGISNULL(0) &&
		VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(PG_GETARG_DATUM(0))))
	{
		ExpandedArrayHeader *eah =
			(ExpandedArrayHeader *) DatumGetEOHP(PG_GETARG_DATUM(0));

		if (TrackExpandedHeader(eah, &st, "regime_track"))
		{
			int			phase = st.phase;

			TrackCheckSameArgs(&st, confirm, trend);
			code = TrackReading(fcinfo, trend);
			if (code < 0)
				PG_RETURN_DATUM(PG_GETARG_DATUM(0));
			TrackAdvance(&st, code);
			if (st.phase == RT_SYNCED)
			{
				/* the prefix is dropped: back to a small plain array */
				st.nevents = 0;
				PG_RETURN_ARRAYTYPE_P(TrackBuild(&st));
			}
			if (phase == RT_COLLECTING)
				TrackSetExpanded(eah, RT_HEADER + st.nevents, code);
			TrackStoreExpanded(eah, &st);
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		}
	}

	if (PG_ARGISNULL(0))
	{
		/* regimes over time need an order: refuse an unordered call */
		ta_require_order(fcinfo, "regime_track",
						 "regime_track(level, change ORDER BY as_of)");
		TrackInit(&st, confirm, trend);
	}
	else
	{
		arr = inagg ? PG_GETARG_ARRAYTYPE_P(0) : PG_GETARG_ARRAYTYPE_P_COPY(0);
		TrackParse(arr, &st, "regime_track");
		TrackCheckSameArgs(&st, confirm, trend);
	}
	code = TrackReading(fcinfo, trend);
	if (code < 0)
	{
		/* a reading with a NULL is skipped */
		if (arr == NULL)
			PG_RETURN_ARRAYTYPE_P(TrackBuild(&st));
		PG_RETURN_ARRAYTYPE_P(arr);
	}

	before = st.nevents;
	TrackStep(&st, code);

	if (inagg && st.nevents > 0)
	{
		/* a prefix that may grow: continue in place (see above) */
		PG_RETURN_DATUM(expand_array(PointerGetDatum(TrackBuild(&st)),
									 aggcxt, NULL));
	}
	if (arr != NULL && st.nevents == before)
	{
		/* same size: overwrite the header (arr is ours, see above) */
		double	   *v = (double *) ta_array_data(arr);

		v[RT_DIR] = st.dir;
		v[RT_CAND] = st.cand;
		v[RT_RUN] = st.run;
		v[RT_REPORTED] = st.reported;
		v[RT_PHASE] = st.phase;
		v[RT_DIROWN] = st.dirown ? 1 : 0;
		v[RT_LASTOWN] = st.lastown;
		v[RT_OWNRUN] = st.ownrun;
		PG_RETURN_ARRAYTYPE_P(arr);
	}
	PG_RETURN_ARRAYTYPE_P(TrackBuild(&st));
}

/*
 * Combine function: a's segment followed by b's (see the comment above).
 * Neither input is changed.
 */
Datum
regime_track_combine(PG_FUNCTION_ARGS)
{
	RegimeTrack a;
	RegimeTrack b;

	if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(1) || PG_ARGISNULL(0))
	{
		/* validate and return (a copy of) the other one */
		ArrayType  *arr = PG_GETARG_ARRAYTYPE_P_COPY(PG_ARGISNULL(0) ? 1 : 0);

		TrackParse(arr, &a, "regime_track");
		PG_RETURN_ARRAYTYPE_P(arr);
	}
	TrackParse(PG_GETARG_ARRAYTYPE_P(0), &a, "regime_track");
	TrackParse(PG_GETARG_ARRAYTYPE_P(1), &b, "regime_track");
	if (a.confirm != b.confirm || a.trend != b.trend)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("regime_track: cannot combine states with different confirm or trend"),
				 errdetail("confirm %d and trend %s against confirm %d and trend %s.",
						   a.confirm, float8out_internal(a.trend),
						   b.confirm, float8out_internal(b.trend))));
	if (b.phase == RT_SYNCED)
		PG_RETURN_ARRAYTYPE_P(TrackBuild(&b));
	for (int i = 0; i < b.nevents; i++)
	{
		CHECK_FOR_INTERRUPTS();
		TrackStep(&a, b.events[i]);
	}
	if (b.phase == RT_RUNKNOWN)
	{
		/* b's prefix made the run independent of a, so it is a's now too */
		if (a.phase == RT_COLLECTING)
			ReportMalformedTrack("regime_track",
								 "the second state claims a known run its readings do not give");
		a.dir = b.dir;
		a.cand = b.cand;
		a.run = b.run;
	}
	PG_RETURN_ARRAYTYPE_P(TrackBuild(&a));
}

/* The reported regime; NULL until one is confirmed.  Reads only. */
Datum
regime_track_final(PG_FUNCTION_ARGS)
{
	RegimeTrack st;
	Datum		d = PG_GETARG_DATUM(0);

	/*
	 * A window aggregate calls this after every row: read an expanded state
	 * (see regime_track_accum) in place, checking its header, which is all
	 * the result depends on.
	 */
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)) ||
		!TrackExpandedHeader((ExpandedArrayHeader *) DatumGetEOHP(d), &st,
							 "regime_track"))
		TrackParse(PG_GETARG_ARRAYTYPE_P(0), &st, "regime_track");
	if (st.reported < 0)
		PG_RETURN_NULL();
	PG_RETURN_OID(ta_enum_label(fcinfo, regime_labels, REGIME_NLABELS,
								st.reported));
}

/* ------------------------------------------------------------------------
 * regime_shifts(): changes between consecutive non-NULL regimes
 *
 * State: int8[] {first, last, shifts} with first and last the positions of
 * the first and last regime read in the enum (-1 before any), so partial
 * states combine as "a followed by b":
 *
 *		shifts = a.shifts + b.shifts + (a.last <> b.first)
 *
 * Positions rather than enum OIDs keep the state meaningful on another node.
 * ------------------------------------------------------------------------
 */
PG_FUNCTION_INFO_V1(regime_shifts_accum);
PG_FUNCTION_INFO_V1(regime_shifts_combine);
PG_FUNCTION_INFO_V1(regime_shifts_final);

typedef struct RegimeOids
{
	Oid			oids[REGIME_NLABELS];	/* InvalidOid until seen */
} RegimeOids;

/*
 * Position in macro_regime of an enum value.  The label is looked up once
 * per value (enum_out) and the OID cached in fn_extra.
 */
static int
RegimeIndex(FunctionCallInfo fcinfo, Oid value)
{
	RegimeOids *cache = (RegimeOids *) fcinfo->flinfo->fn_extra;
	char	   *label;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RegimeOids));
		fcinfo->flinfo->fn_extra = cache;
	}
	for (int i = 0; i < REGIME_NLABELS; i++)
		if (cache->oids[i] == value)
			return i;
	label = DatumGetCString(DirectFunctionCall1(enum_out, ObjectIdGetDatum(value)));
	for (int i = 0; i < REGIME_NLABELS; i++)
		if (strcmp(label, regime_labels[i]) == 0)
		{
			cache->oids[i] = value;
			return i;
		}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("regime_shifts: \"%s\" is not one of the regimes recovery, expansion, slowdown, contraction",
					label),
			 errhint("The labels of macro_regime were changed with ALTER TYPE; regime_shifts counts only the four regimes tactalloc defines.")));
	pg_unreachable();
}

/* Raises "malformed regime_shifts state" showing the state. */
static void
ReportMalformedShifts(ArrayType *arr)
{
	ta_report_malformed("regime_shifts", "regime_shifts", ERRCODE_INVALID_PARAMETER_VALUE,
						psprintf("The state is %s.",
								 OidOutputFunctionCall(F_ARRAY_OUT, PointerGetDatum(arr))),
						"A regime_shifts state is an int8[] {first, last, shifts}: first and last in -1..3 (both -1 before any regime, with shifts 0), shifts >= 0 (>= 1 when first and last differ).");
}

/* Reads and validates a regime_shifts state. */
static void
ShiftsParse(ArrayType *arr, int64 *first, int64 *last, int64 *shifts)
{
	const int64 *v;

	if (ARR_NDIM(arr) != 1 || ARR_HASNULL(arr) ||
		ARR_ELEMTYPE(arr) != INT8OID || ARR_DIMS(arr)[0] != 3)
		ReportMalformedShifts(arr);
	v = (const int64 *) ta_array_data(arr);
	*first = v[0];
	*last = v[1];
	*shifts = v[2];
	if (*first < -1 || *first >= REGIME_NLABELS ||
		*last < -1 || *last >= REGIME_NLABELS || *shifts < 0 ||
		((*first < 0) != (*last < 0)) || (*first < 0 && *shifts != 0) ||
		(*first != *last && *shifts == 0))
		ReportMalformedShifts(arr);
}

/* Raises 22003 for a count of shifts beyond bigint. */
static void
ReportShiftsOverflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("regime_shifts: number of shifts is out of range for type bigint")));
}

/* A new regime_shifts state. */
static ArrayType *
ShiftsBuild(int64 first, int64 last, int64 shifts)
{
	Datum		d[3];

	d[0] = Int64GetDatum(first);
	d[1] = Int64GetDatum(last);
	d[2] = Int64GetDatum(shifts);
	return construct_array(d, 3, INT8OID, sizeof(int64), FLOAT8PASSBYVAL,
						   TYPALIGN_DOUBLE);
}

/* regime_shifts(regime): transition function (strict: NULLs are skipped). */
Datum
regime_shifts_accum(PG_FUNCTION_ARGS)
{
	bool		inagg = AggCheckCallContext(fcinfo, NULL) != 0;
	ArrayType  *arr = inagg ? PG_GETARG_ARRAYTYPE_P(0) : PG_GETARG_ARRAYTYPE_P_COPY(0);
	int			r = RegimeIndex(fcinfo, PG_GETARG_OID(1));
	int64		first,
				last,
				shifts;
	int64	   *v;

	ShiftsParse(arr, &first, &last, &shifts);
	if (first < 0)
	{
		/* shifts need an order: refuse an unordered call */
		ta_require_order(fcinfo, "regime_shifts",
						 "regime_shifts(regime ORDER BY as_of)");
		first = r;
	}
	else if (r != last && pg_add_s64_overflow(shifts, 1, &shifts))
		ReportShiftsOverflow();
	v = (int64 *) ta_array_data(arr);
	v[0] = first;
	v[1] = r;
	v[2] = shifts;
	PG_RETURN_ARRAYTYPE_P(arr);
}

/* Combine: a's regimes followed by b's. */
Datum
regime_shifts_combine(PG_FUNCTION_ARGS)
{
	int64		af,
				al,
				as,
				bf,
				bl,
				bs,
				s;

	ShiftsParse(PG_GETARG_ARRAYTYPE_P(0), &af, &al, &as);
	ShiftsParse(PG_GETARG_ARRAYTYPE_P(1), &bf, &bl, &bs);
	if (af < 0)
		PG_RETURN_ARRAYTYPE_P(ShiftsBuild(bf, bl, bs));
	if (bf < 0)
		PG_RETURN_ARRAYTYPE_P(ShiftsBuild(af, al, as));
	if (pg_add_s64_overflow(as, bs, &s) ||
		pg_add_s64_overflow(s, al != bf ? 1 : 0, &s))
		ReportShiftsOverflow();
	PG_RETURN_ARRAYTYPE_P(ShiftsBuild(af, bl, s));
}

/* The number of shifts; NULL when no regime was read. */
Datum
regime_shifts_final(PG_FUNCTION_ARGS)
{
	int64		first,
				last,
				shifts;

	ShiftsParse(PG_GETARG_ARRAYTYPE_P(0), &first, &last, &shifts);
	if (first < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT64(shifts);
}
