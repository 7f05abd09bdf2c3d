/**
 * What both loops (opinions and proposals) do alike with a case they chase: the supervision ladder on working
 * days, the sweep and the per-case timers that climb it, and the append-only timeline whose notes are message keys.
 * Knows no loop: each loop hands in its table, its calendar and its own steps.
 */
package org.lianluo.platform.casework;
