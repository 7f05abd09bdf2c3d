package org.lianluo.proposal;

/** The lead deputy's rating of a reply. */
public enum Verdict {
	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

	/** The least satisfied of the verdicts: what the deputy's rating of several units' replies counts as. */
	public static Verdict leastSatisfied(java.util.Collection<Verdict> verdicts) {
		return verdicts.stream().max(java.util.Comparator.naturalOrder()).orElseThrow();
	}
}
