/*
 * fuzzvalues.h
 *	  Argument values the fuzz harnesses feed to tactalloc: the edges of the
 *	  double range (subnormals, DBL_MIN, DBL_MAX, -0.0, NaN, infinities),
 *	  values whose sums carry or cancel, and ordinary weights.  A harness
 *	  picks one with a byte of its input (index & 31).
 */
#ifndef TACTALLOC_FUZZVALUES_H
#define TACTALLOC_FUZZVALUES_H

#include <float.h>
#include <math.h>

static const double fuzz_values[32] = {
	0.0, -0.0, 1.0, -1.0,
	0.5, 2.0, 3.0, 0.1,
	0x1p-1074, 0x1p-1022, 0x1.fffffffffffffp-1023, DBL_MAX,
	-DBL_MAX, 1e-300, 1e300, -1e-300,
	0x1.fffffffffffffp+0, 0x1p+53, 0x1.0000000000001p+0, 4.454545454545405,
	22.0, 49.0, -4.454545454545405, 0.03,
	0.999999999, 1e-10, 123456789.25, 0x1p+1023,
	1e308, NAN, INFINITY, -INFINITY,
};

/* A value from a byte of input. */
static inline double
fuzz_value(unsigned char b)
{
	return fuzz_values[b & 31];
}

#endif							/* TACTALLOC_FUZZVALUES_H */
