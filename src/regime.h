/*
 * regime.h
 *	  What the macro regime domain shares between its files: the labels of
 *	  macro_regime in cycle order (regime.c classifies, regime_track.c
 *	  follows a series, playbook.c reads the tilts).
 */
#ifndef TACTALLOC_REGIME_H
#define TACTALLOC_REGIME_H

/* Labels of the macro_regime enum, in cycle order. */
enum
{
	REGIME_RECOVERY,
	REGIME_EXPANSION,
	REGIME_SLOWDOWN,
	REGIME_CONTRACTION,
	REGIME_NLABELS
};

extern const char *const regime_labels[REGIME_NLABELS];

#endif							/* TACTALLOC_REGIME_H */
