/*
 * xsum.h
 *	  The numeric core: exact sums of doubles and of products of doubles.
 *
 * An XSum holds the exact value of a sum as signed 64-bit chunks that
 * nominally carry XSUM_CHUNK_BITS bits each:
 *
 *		value = sum over i of c[i] * 2^(XSUM_CHUNK_BITS * (lo + i))
 *
 * The chunk window [lo, lo + n) is sized by the caller and positioned by the
 * core: it covers only the chunks in use, so a sum of weights of similar size
 * costs a handful of chunks while a sum spanning 1e-300 to 1e300 can still be
 * held exactly.  When a value does not fit the window, the adding function
 * changes nothing and returns the number of chunks the window needs; the
 * caller provides a larger accumulator (xsum_copy) and adds again.
 *
 * Products enter exactly: x*y is split with fma() into two doubles whose
 * exponents are kept aside, so squares of 1e300 or of 1e-300 are held
 * exactly even though they leave the double range (and likewise x*y*z).
 *
 * Adding, merging and rounding are exact or correctly rounded, so every
 * result depends only on the multiset of values added, never on their order
 * or on how they were split between accumulators.
 *
 * This module is plain C99 with no PostgreSQL dependency.
 */
#ifndef TACTALLOC_XSUM_H
#define TACTALLOC_XSUM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define XSUM_CHUNK_BITS		32

/*
 * The core's functions are internal to the module that links it: hidden
 * visibility makes calls to them direct rather than through the PLT.
 */
#if defined(__GNUC__)
#define XSUM_API __attribute__((visibility("hidden")))
#else
#define XSUM_API
#endif

/* The inline hot paths below are inlined even into large callers. */
#if defined(__GNUC__)
#define XSUM_INLINE static inline __attribute__((always_inline))
#else
#define XSUM_INLINE static inline
#endif

/*
 * Chunk indexes that can ever be needed: from the lowest bit of a product of
 * three subnormals (2^-3222) to the carry chunk above a product of three
 * values near DBL_MAX (2^3072), plus headroom.
 */
#define XSUM_IDX_MIN		(-101)
#define XSUM_IDX_MAX		98
#define XSUM_MAX_CHUNKS		(XSUM_IDX_MAX - XSUM_IDX_MIN + 1)

/*
 * Most additions between two carry propagations: each adds less than 2^32 in
 * magnitude to a chunk, so 2^30 of them cannot overflow an int64 chunk.
 */
#define XSUM_MAX_BUDGET		(1 << 30)

/* A fresh accumulator's window: enough for sums of values of similar size. */
#define XSUM_DEFAULT_CHUNKS	6

/*
 * Highest chunk the magnitude of a sum may use: |value| < 2^(32 * XSUM_IDX_MAX)
 * leaves the window's top chunk for carries.  No sum of fewer than 2^63
 * finite terms (each below 2^3072 in magnitude) comes near it; only states
 * forged by hand can, and they are refused with XSUM_RANGE.
 */
#define XSUM_TOP_MAX		(XSUM_IDX_MAX - 1)

/* Returned by the adding and merging functions: the sum left the range. */
#define XSUM_RANGE			(-1)

/* Return codes of xsum_round() and xsum_ratio(). */
#define XSUM_OK				0
#define XSUM_OVERFLOW		1	/* result beyond the finite double range */
#define XSUM_DIVZERO		2	/* denominator is zero */

typedef struct XSum
{
	int32_t		lo;				/* chunk index of c[0] */
	int32_t		n;				/* chunks in the window (set by xsum_init) */
	int32_t		budget;			/* additions left before carries propagate */
	int32_t		used;			/* 0 while the sum is empty and unpositioned */
	int64_t		c[];			/* n chunks */
} XSum;

/* Bytes taken by an accumulator with a window of n chunks. */
static inline size_t
xsum_size(int n)
{
	return offsetof(XSum, c) + (size_t) n * sizeof(int64_t);
}

/* Makes *a an empty sum with a window of n chunks (1 <= n <= XSUM_MAX_CHUNKS). */
extern XSUM_API void xsum_init(XSum *a, int n);

/* Copies src into dst, whose window has n >= src->n chunks; same value. */
extern XSUM_API void xsum_copy(XSum *dst, int n, const XSum *src);

/*
 * Add x, x*y, x*x or x*y*z exactly.  x, y, z must be finite (the caller rejects
 * NaN and infinities).  Return 0 when done, or, when the window is too
 * small, the window size n' > a->n that would hold the current contents and
 * the new value; *a is then unchanged.  XSUM_RANGE (negative) means the sum
 * would leave the range above (only a forged accumulator can get there); *a
 * is then unchanged too, and the caller raises an error.
 */
XSUM_INLINE int xsum_add(XSum *a, double x);
XSUM_INLINE int xsum_add_prod(XSum *a, double x, double y);
XSUM_INLINE int xsum_add_square(XSum *a, double x);
XSUM_INLINE int xsum_add_prod3(XSum *a, double x, double y, double z);

/*
 * Adds x + y + z exactly, all or nothing (the same return values): the
 * terms of a number carried in three doubles, such as a quotient to about
 * 150 bits.  One check of the window and the carry budget for the three.
 */
XSUM_INLINE int xsum_add3(XSum *a, double x, double y, double z);

/*
 * The general paths of xsum_add and xsum_add_prod (any term, any window),
 * which their inline fast paths below fall back to.
 */
extern XSUM_API int	xsum_add_any(XSum *a, double x);
extern XSUM_API int	xsum_add_prod_any(XSum *a, double x, double y);
extern XSUM_API int	xsum_add_prod3_any(XSum *a, double x, double y, double z);
extern XSUM_API int	xsum_add3_any(XSum *a, double x, double y, double z);

/*
 * The slow path of xsum_add_prod3's integer product: makes room for the
 * 192-bit two's complement integer w2:w1:w0 times 2^(pos - XSUM_POS_BIAS)
 * (six chunks from XSUM_CHUNK_OF(pos)) and adds it; near the top of the
 * range it adds x * y * z with xsum_add_prod3_any instead.
 */
extern XSUM_API int xsum_add_wide3_any(XSum *a, uint64_t w0, uint64_t w1,
									   uint64_t w2, int pos, double x,
									   double y, double z);

/*
 * The hot paths, inline because aggregates call them for every row.  A term
 * v * 2^e enters at position e + XSUM_POS_BIAS (never negative), in chunk
 * XSUM_CHUNK_OF(position); a->used is the number of chunk positions where a
 * term's lowest chunk may land (0 while the sum is empty), see xsum.c.
 */
#define XSUM_POS_BIAS		(-XSUM_CHUNK_BITS * XSUM_IDX_MIN)
#define XSUM_CHUNK_OF(pos)	(((pos) >> 5) + XSUM_IDX_MIN)

/*
 * Adds the 128-bit two's complement integer hi:lo times 2^s (0 <= s < 32,
 * |hi:lo| < 2^107) to chunks c[0 .. 4]: one update per chunk, each below
 * 2^32 in magnitude, so it costs one unit of carry budget.
 */
XSUM_INLINE void
xsum_add_wide(int64_t *c, uint64_t lo, int64_t hi, int s)
{
	uint64_t	l = lo << s;
	uint64_t	h = ((uint64_t) hi << s) | ((lo >> 1) >> (63 - s));

	c[0] += (int64_t) (l & 0xFFFFFFFF);
	c[1] += (int64_t) (l >> 32);
	c[2] += (int64_t) (h & 0xFFFFFFFF);
	c[3] += (int64_t) (h >> 32);
	c[4] += (hi >> 1) >> (63 - s);
}

/*
 * Adds the 192-bit two's complement integer w2:w1:w0 times 2^s (0 <= s < 32,
 * magnitude below 2^160) to chunks c[0 .. 5]: one update per chunk, each
 * below 2^32 in magnitude, so it costs one unit of carry budget.
 */
XSUM_INLINE void
xsum_add_wide3(int64_t *c, uint64_t w0, uint64_t w1, uint64_t w2, int s)
{
	uint64_t	u0 = w0 << s;
	uint64_t	u1 = (w1 << s) | ((w0 >> 1) >> (63 - s));
	uint64_t	u2 = (w2 << s) | ((w1 >> 1) >> (63 - s));

	c[0] += (int64_t) (u0 & 0xFFFFFFFF);
	c[1] += (int64_t) (u0 >> 32);
	c[2] += (int64_t) (u1 & 0xFFFFFFFF);
	c[3] += (int64_t) (u1 >> 32);
	c[4] += (int64_t) (u2 & 0xFFFFFFFF);
	c[5] += ((int64_t) u2) >> 32;
}

/*
 * Adds x exactly: a few shifts and adds when x falls in the window and the
 * carry budget lasts; otherwise xsum_add_any.
 */
XSUM_INLINE int
xsum_add(XSum *a, double x)
{
	uint64_t	bits;
	int			ef,
				pos,
				k,
				s;
	int64_t		m,
				neg,
				v,
				q;

	memcpy(&bits, &x, sizeof(bits));
	ef = (int) (bits >> 52) & 0x7FF;
	m = (int64_t) ((bits & ((((uint64_t) 1) << 52) - 1)) | ((uint64_t) (ef != 0) << 52));
	neg = -(int64_t) (bits >> 63);
	pos = ef + (ef == 0) - 1075 + XSUM_POS_BIAS;
	k = XSUM_CHUNK_OF(pos) - a->lo;
	if ((uint32_t) k >= (uint32_t) a->used || a->budget <= 0)
		return xsum_add_any(a, x);
	a->budget--;
	v = (m ^ neg) - neg;
	s = pos & 31;
	q = v >> (32 - s);
	a->c[k] += (int64_t) (((uint64_t) v << s) & 0xFFFFFFFF);
	a->c[k + 1] += q & (int64_t) 0xFFFFFFFF;
	a->c[k + 2] += q >> 32;
	return 0;
}

/*
 * Adds x + y + z exactly: xsum_add's steps for each term, with one check of
 * the window and of the carry budget for the three.  Terms that are zero or
 * subnormal, or fall outside the window, take xsum_add3_any.
 */
/*
 * The signed mantissa of a double (*v) and its position (return value):
 * xsum_add's first steps; a zero or subnormal x gives position -1.
 */
XSUM_INLINE int
xsum_term_of(double x, int64_t *v)
{
	uint64_t	bits;
	int			ef;
	int64_t		neg;

	memcpy(&bits, &x, sizeof(bits));
	ef = (int) (bits >> 52) & 0x7FF;
	neg = -(int64_t) (bits >> 63);
	*v = ((int64_t) ((bits & ((((uint64_t) 1) << 52) - 1)) |
					 (((uint64_t) 1) << 52)) ^ neg) - neg;
	return ef == 0 ? -1 : ef - 1075 + XSUM_POS_BIAS;
}

/* Adds v * 2^s (0 <= s < 32, |v| < 2^62) to chunks c[0], c[1] and c[2]. */
XSUM_INLINE void
xsum_add_term(int64_t *c, int64_t v, int s)
{
	int64_t		q = v >> (32 - s);

	c[0] += (int64_t) (((uint64_t) v << s) & 0xFFFFFFFF);
	c[1] += q & (int64_t) 0xFFFFFFFF;
	c[2] += q >> 32;
}

XSUM_INLINE int
xsum_add3(XSum *a, double x, double y, double z)
{
	int64_t		vx,
				vy,
				vz;
	int			px = xsum_term_of(x, &vx),
				py = xsum_term_of(y, &vy),
				pz = xsum_term_of(z, &vz);
	int			kx = XSUM_CHUNK_OF(px) - a->lo,
				ky = XSUM_CHUNK_OF(py) - a->lo,
				kz = XSUM_CHUNK_OF(pz) - a->lo;

	if ((px | py | pz) < 0 || (uint32_t) kx >= (uint32_t) a->used ||
		(uint32_t) ky >= (uint32_t) a->used ||
		(uint32_t) kz >= (uint32_t) a->used || a->budget < 3)
		return xsum_add3_any(a, x, y, z);
	a->budget -= 3;
	xsum_add_term(a->c + kx, vx, px & 31);
	xsum_add_term(a->c + ky, vy, py & 31);
	xsum_add_term(a->c + kz, vz, pz & 31);
	return 0;
}

/*
 * Adds the exact product hi:lo * 2^(pos - XSUM_POS_BIAS) (hi:lo < 2^106,
 * the product of two 53-bit mantissas, negative when neg) of normal factors
 * x and y: the same 107-bit term xsum_add_prod_any builds with fma(), the
 * product itself or, when it is exactly a double, its 53 bits placed 52
 * bits higher.  A term outside the window and an exhausted carry budget
 * take xsum_add_prod_any.
 */
XSUM_INLINE int
xsum_add_mantissa_product(XSum *a, uint64_t lo, uint64_t hi, int pos, int neg,
						  double x, double y)
{
	const uint64_t frac = (((uint64_t) 1) << 52) - 1;
	uint64_t	top = (hi << 12) | (lo >> 52);
	int			k;

	if ((lo & frac) == 0 && (top < (((uint64_t) 1) << 53) || !(top & 1)))
	{
		lo = top;
		hi = 0;
		pos += 52;
	}
	if (neg)
	{
		hi = ~hi + (lo == 0);
		lo = -lo;
	}
	k = XSUM_CHUNK_OF(pos) - a->lo;
	if ((uint32_t) k >= (uint32_t) a->used ||
		(uint32_t) (k + 2) >= (uint32_t) a->used || a->budget <= 0)
		return xsum_add_prod_any(a, x, y);
	a->budget--;
	xsum_add_wide(a->c + k, lo, (int64_t) hi, pos & 31);
	return 0;
}

/*
 * Adds x * y exactly.  For normal factors the product of the two 53-bit
 * mantissas is formed exactly in integer arithmetic (four 32-bit partial
 * products); zero and subnormal factors take xsum_add_prod_any.
 */
XSUM_INLINE int
xsum_add_prod(XSum *a, double x, double y)
{
	const uint64_t frac = (((uint64_t) 1) << 52) - 1;
	uint64_t	bx,
				by,
				x0,
				x1,
				y0,
				y1,
				ll,
				mid,
				lo;
	int			ex,
				ey;

	memcpy(&bx, &x, sizeof(bx));
	memcpy(&by, &y, sizeof(by));
	ex = (int) (bx >> 52) & 0x7FF;
	ey = (int) (by >> 52) & 0x7FF;
	if (ex == 0 || ey == 0)
		return xsum_add_prod_any(a, x, y);
	x0 = bx & 0xFFFFFFFF;
	x1 = ((bx & frac) >> 32) | (((uint64_t) 1) << 20);
	y0 = by & 0xFFFFFFFF;
	y1 = ((by & frac) >> 32) | (((uint64_t) 1) << 20);
	ll = x0 * y0;
	mid = x1 * y0 + x0 * y1;
	lo = ll + (mid << 32);
	return xsum_add_mantissa_product(a, lo, x1 * y1 + (mid >> 32) + (lo < ll),
									 ex + ey - 2150 + XSUM_POS_BIAS,
									 (int) ((bx ^ by) >> 63), x, y);
}

/* Adds x * x exactly: xsum_add_prod(a, x, x) with three partial products. */
XSUM_INLINE int
xsum_add_square(XSum *a, double x)
{
	const uint64_t frac = (((uint64_t) 1) << 52) - 1;
	uint64_t	bx,
				x0,
				x1,
				ll,
				mid,
				lo;
	int			ex;

	memcpy(&bx, &x, sizeof(bx));
	ex = (int) (bx >> 52) & 0x7FF;
	if (ex == 0)
		return xsum_add_prod_any(a, x, x);
	x0 = bx & 0xFFFFFFFF;
	x1 = ((bx & frac) >> 32) | (((uint64_t) 1) << 20);
	ll = x0 * x0;
	mid = (x0 * x1) << 1;
	lo = ll + (mid << 32);
	return xsum_add_mantissa_product(a, lo, x1 * x1 + (mid >> 32) + (lo < ll),
									 2 * ex - 2150 + XSUM_POS_BIAS, 0, x, x);
}

/*
 * Adds x * y * z exactly.  Where the compiler has 128-bit integers, the
 * product of the three 53-bit mantissas of normal factors is formed exactly
 * in integer arithmetic (three multiplications, at most 159 bits) and added
 * as one wide integer: six chunk updates, one unit of carry budget.  Zero and
 * subnormal factors take xsum_add_prod3_any (four exact fma-split terms).
 * Both add the same exact value, so the sum does not depend on the path.
 */
XSUM_INLINE int
xsum_add_prod3(XSum *a, double x, double y, double z)
{
#if defined(__SIZEOF_INT128__)
	__extension__ typedef unsigned __int128 u128;
	const uint64_t frac = (((uint64_t) 1) << 52) - 1;
	const uint64_t one = ((uint64_t) 1) << 52;
	uint64_t	bx,
				by,
				bz,
				w[3];
	u128		p,
				l,
				h;
	int			ex,
				ey,
				ez,
				pos,
				k;

	memcpy(&bx, &x, sizeof(bx));
	memcpy(&by, &y, sizeof(by));
	memcpy(&bz, &z, sizeof(bz));
	ex = (int) (bx >> 52) & 0x7FF;
	ey = (int) (by >> 52) & 0x7FF;
	ez = (int) (bz >> 52) & 0x7FF;
	if (ex == 0 || ey == 0 || ez == 0)
		return xsum_add_prod3_any(a, x, y, z);
	p = (u128) ((bx & frac) | one) * ((by & frac) | one);
	l = (u128) (uint64_t) p * ((bz & frac) | one);
	h = (u128) (uint64_t) (p >> 64) * ((bz & frac) | one) + (l >> 64);
	w[0] = (uint64_t) l;
	w[1] = (uint64_t) h;
	w[2] = (uint64_t) (h >> 64);
	pos = ex + ey + ez - 3 * 1075 + XSUM_POS_BIAS;
	if (w[0] == 0)
	{
		/* the low 64 bits are zero (short mantissas): place it higher */
		w[0] = w[1];
		w[1] = w[2];
		w[2] = 0;
		pos += 64;
	}
	if ((bx ^ by ^ bz) >> 63)
	{
		w[0] = ~w[0] + 1;
		w[1] = ~w[1] + (w[0] == 0);
		w[2] = ~w[2] + (w[0] == 0 && w[1] == 0);
	}
	k = XSUM_CHUNK_OF(pos) - a->lo;
	if ((uint32_t) k >= (uint32_t) a->used ||
		(uint32_t) (k + 3) >= (uint32_t) a->used || a->budget <= 0)
		return xsum_add_wide3_any(a, w[0], w[1], w[2], pos, x, y, z);
	a->budget--;
	xsum_add_wide3(a->c + k, w[0], w[1], w[2], pos & 31);
	return 0;
#else
	return xsum_add_prod3_any(a, x, y, z);
#endif
}

/*
 * a += b, exactly.  Returns 0, or the window size a needs, or XSUM_RANGE
 * when the sum would leave the range (in both cases a keeps its value).
 * b is normalised in place (its value does not change).
 */
extern XSUM_API int	xsum_merge(XSum *a, XSum *b);

/*
 * a = -a, exactly: every chunk negated (same window, opposite value), so
 * that merging a negated sum subtracts it (stored summaries leaving a
 * window frame).
 */
extern XSUM_API void xsum_negate(XSum *a);

/*
 * Checks the fields of an accumulator that arrived from outside, in O(1)
 * (the chunks are not read): avail is the number of bytes readable at a.
 * Returns NULL when they are consistent, otherwise a static message.  Inline,
 * because aggregates check their state on every row.
 */
static inline const char *
xsum_check(const XSum *a, size_t avail)
{
	if (avail < offsetof(XSum, c))
		return "truncated accumulator header";
	if (a->n < 1 || a->n > XSUM_MAX_CHUNKS)
		return "accumulator window size out of range";
	if (avail < xsum_size(a->n))
		return "truncated accumulator";
	if (a->budget < 0 || a->budget > XSUM_MAX_BUDGET)
		return "accumulator carry budget out of range";
	if (a->used == 0)
		return a->lo == 0 ? NULL : "inconsistent empty accumulator";
	if (a->n < 4 || a->used != a->n - 3)
		return "inconsistent accumulator window";
	if (a->lo < XSUM_IDX_MIN || a->lo > XSUM_IDX_MAX - a->n + 1)
		return "accumulator window out of range";
	return NULL;
}

/*
 * True when the value is within the range (its magnitude uses no chunk
 * above XSUM_TOP_MAX), so that its text form reads back.  A sum built by
 * the adding functions from a valid accumulator can leave the range only
 * through carries of a forged one; output functions check this.
 */
extern XSUM_API int xsum_in_range(const XSum *a);

/*
 * Checks the chunks of an accumulator that xsum_check accepted, in O(n):
 * each must leave room for the additions its carry budget still allows
 * (below 2^62 in magnitude), so that no later addition can overflow.
 * Returns NULL or a static message.
 */
static inline const char *
xsum_check_chunks(const XSum *a)
{
	for (int i = 0; i < a->n; i++)
		if (a->c[i] >= ((int64_t) 1 << 62) || a->c[i] <= -((int64_t) 1 << 62))
			return "accumulator chunk out of range";
	return NULL;
}

/* Propagates carries: canonical form, same value. */
extern XSUM_API void xsum_normalize(XSum *a);

/* -1, 0 or +1: the sign of the exact value. */
extern XSUM_API int	xsum_sign(const XSum *a);

/* Rounds the exact value to the nearest double (ties to even). */
extern XSUM_API int	xsum_round(const XSum *a, double *result);

/*
 * num^pnum / den^pden for pnum, pden in {1, 2}, computed from the exact sums
 * in double-double arithmetic: within one ulp of the exact rational value.
 * Returns XSUM_OK, XSUM_OVERFLOW or XSUM_DIVZERO.  A result below the
 * smallest subnormal rounds to zero (not an error).
 */
extern XSUM_API int	xsum_ratio(const XSum *num, int pnum, const XSum *den, int pden,
					   double *result);

/*
 * Text form: canonical (equal values give equal text) and compact (only the
 * chunks in use).  Contains no white space, ',' ';' or ':' is never the first
 * character, and it is terminated by the end of the buffer or by ';'.
 *
 * xsum_text_max() bounds the length (without the terminating NUL);
 * xsum_to_text() writes the text and a NUL, returning the length.
 */
extern XSUM_API size_t xsum_text_max(const XSum *a);
extern XSUM_API size_t xsum_to_text(const XSum *a, char *buf);

/*
 * Parses one accumulator's text at s (len bytes, up to but not including a
 * ';' or the end).  With a == NULL it only validates and sets *needed to the
 * window size required; with a != NULL (a->n >= *needed, from a first call)
 * it fills *a.  Returns the number of bytes consumed, or -1 with *errmsg set
 * to a static message when the text is malformed or truncated.
 */
extern XSUM_API int	xsum_from_text(const char *s, size_t len, XSum *a, int *needed,
						   const char **errmsg);

/*
 * Shrinking, for sums that terms also leave (sliding windows): xsum_fit is
 * the smallest window that holds the value of a (1 when it is zero), and
 * xsum_compact copies src into dst with a window of n >= xsum_fit(src)
 * chunks, smaller or larger than src's (dst may be src); same value.
 */
extern XSUM_API int xsum_fit(const XSum *a);
extern XSUM_API void xsum_compact(XSum *dst, int n, const XSum *src);

/*
 * Final steps that combine several exact sums (variances, covariances,
 * correlations) work on reals read from them to double-double precision:
 * value = sign * (hi + lo) * 2^exp with hi + lo in [1, 2), an exponent of
 * any size (squares of sums leave the double range), and sign 0 for zero.
 */
typedef struct XSumReal
{
	double		hi;
	double		lo;
	int			exp;
	int			sign;
} XSumReal;

/* The exact value of a, to 116 bits (a sticky bit below). */
extern XSUM_API XSumReal xsum_real(const XSum *a);

/* A double, exactly. */
extern XSUM_API XSumReal xsum_real_double(double x);

/*
 * n * sxy - sx * sy, computed exactly (the co-moment of n pairs from their
 * sums: n²·covariance), then read as a real to 116 bits.
 */
extern XSUM_API XSumReal xsum_cross(const XSum *sxy, int64_t n, const XSum *sx,
									const XSum *sy);

/* Products, quotients and square roots of reals in double-double. */
extern XSUM_API XSumReal xsum_real_mul(XSumReal a, XSumReal b);
extern XSUM_API XSumReal xsum_real_div(XSumReal a, XSumReal b);	/* b != 0 */
extern XSUM_API XSumReal xsum_real_sqrt(XSumReal a);	/* a >= 0 */

/* Rounds a real to the nearest double, once: XSUM_OK or XSUM_OVERFLOW. */
extern XSUM_API int xsum_real_round(XSumReal a, double *result);

#endif							/* TACTALLOC_XSUM_H */
