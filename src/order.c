/*
 * order.c
 *	  ta_require_order(): the refusal of unordered calls (see order.h).
 */
#include "order.h"

#include "nodes/plannodes.h"
#include "nodes/primnodes.h"

/*
 * execnodes.h pulls in server headers with inline functions whose
 * parameters are unused in builds without assertions (bufpage.h, ilist.h):
 * keep -Wextra quiet about code that is not ours.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "nodes/execnodes.h"
#pragma GCC diagnostic pop

/* Refuses an aggregate call whose rows have no defined order. */
void
ta_require_order(FunctionCallInfo fcinfo, const char *fname,
				 const char *example)
{
	switch (AggCheckCallContext(fcinfo, NULL))
	{
		case AGG_CONTEXT_AGGREGATE:
			{
				Aggref	   *aggref = AggGetAggref(fcinfo);

				if (aggref == NULL || aggref->aggorder != NIL)
					return;
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s: the rows must be ordered", fname),
						 errhint("Order the input in the call, e.g. %s.",
								 example)));
				break;
			}
		case AGG_CONTEXT_WINDOW:
			{
				WindowAggState *winstate = (WindowAggState *) fcinfo->context;
				WindowAgg  *plan = (WindowAgg *) winstate->ss.ps.plan;

				/* ordNumCols omits keys the partition makes redundant */
				if (plan == NULL || plan->ordNumCols > 0)
					return;
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s: the rows must be ordered", fname),
						 errhint("Use a window with ORDER BY, e.g. OVER (ORDER BY as_of), or a plain aggregate ordered in the call, e.g. %s.",
								 example)));
				break;
			}
		default:
			return;
	}
}
