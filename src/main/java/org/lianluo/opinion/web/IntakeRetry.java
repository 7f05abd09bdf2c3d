package org.lianluo.opinion.web;

import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.opinion.Submission;

/** Intake with an idempotency key: when two requests with one key race, the loser answers as the winner. */
final class IntakeRetry {

	private IntakeRetry() {
	}

	/** The header's key as stored: none when blank, refused when longer than 100 characters. */
	static String key(String header) {
		String k = header == null || header.isBlank() ? null : header.strip();
		if (k != null && k.length() > 100) {
			throw org.lianluo.platform.LianluoException.invalidField("Idempotency-Key", "opinion.idempotency.too-long");
		}
		return k;
	}

	static Opinion submit(OpinionManagement opinions, Submission s, String key, String actor) {
		String k = key(key);
		try {
			return opinions.submit(s, k, actor);
		}
		catch (OpinionManagement.ConcurrentDuplicate ex) {
			return opinions.replayed(k, s).orElseThrow();
		}
	}
}
