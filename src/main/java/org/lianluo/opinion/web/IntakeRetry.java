package org.lianluo.opinion.web;

import java.util.function.Function;

import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.opinion.Submission;
import org.lianluo.platform.Moment;

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

	/** {@code submit}: the intake of a citizen or of staff, with the command made of {@code s} and the key. */
	static Opinion submit(OpinionIntake intake, Submission s, String key, Moment at,
			Function<OpinionIntake.Submit, Opinion> submit) {
		String k = key(key);
		try {
			return submit.apply(new OpinionIntake.Submit(s, k));
		}
		catch (OpinionIntake.ConcurrentDuplicate ex) {
			return intake.replayed(k, s, at).orElseThrow();
		}
	}
}
