/*
 * order.h
 *	  Aggregates whose result depends on the order of their rows (runs,
 *	  regimes over time) refuse to run over rows in no defined order.
 */
#ifndef TACTALLOC_ORDER_H
#define TACTALLOC_ORDER_H

#include "compat.h"
#include "fmgr.h"

/*
 * Raises 22023 when the calling transition function runs in a plain
 * aggregate without ORDER BY in the call, or in a window aggregate over a
 * window without ORDER BY: its rows then come in no defined order, and the
 * result would change with the plan.  fname names the aggregate and
 * example is a call with ORDER BY for the hint.  Does nothing outside an
 * aggregate (a state function called by hand).
 */
extern void ta_require_order(FunctionCallInfo fcinfo, const char *fname,
							 const char *example);

#endif							/* TACTALLOC_ORDER_H */
