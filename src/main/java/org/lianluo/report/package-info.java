/**
 * Statistics and the annual report (代表工作综述): every figure of a region and period composed from the figures the
 * duty, opinion, proposal, consultation and station modules publish ({@code *Figures}), with the records behind each
 * figure. It names none of their tables or states, and writes nothing of theirs.
 */
package org.lianluo.report;
