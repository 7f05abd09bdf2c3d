package org.lianluo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianluo.platform.PersonalData;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 23.3: what sealing and opening one value, and one search hash, cost in each suite (AES-256-GCM from the JDK,
 * SM4-GCM and HMAC-SM3 from BouncyCastle's lightweight API): a phone (11 digits) and a name (3 Chinese characters,
 * 9 bytes), in one thread. {@value #WARMUP} rounds of warm-up, then {@value #ROUNDS} rounds of {@value #PER_ROUND}
 * values; within each round every suite and value is measured one after the other, so the machine's noise falls on
 * all alike. Prints the median of the rounds per value and the ratio SM4 ÷ AES taken within each round. Run by hand:
 * {@code ./mvnw -o test -Dtest=PersonalDataBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PersonalDataBenchmark {

	static final int WARMUP = 5;

	static final int ROUNDS = 15;

	static final int PER_ROUND = 20_000;

	private static final String KEY = "DfKOofZOZ2a1Ge/UjnICBGqyADTcD7InaKf6B8yLT8c=";

	private static final List<String> SUITES = List.of("AES-256-GCM", "SM4-GCM");

	private static final List<String> VALUES = List.of("13812345678", "黄大伟");

	@Test
	void sealOpenAndHashPerValueInBothSuites() throws Exception {
		Map<String, PersonalData> suites = new LinkedHashMap<>();
		for (String suite : SUITES) {
			suites.put(suite, new PersonalData(new MockEnvironment().withProperty("lianluo.pii-key", KEY)
				.withProperty("lianluo.pii.suite", suite)));
		}
		UUID row = UUID.randomUUID();
		String[] sealed = new String[PER_ROUND];
		// [suite][value][seal, open, hash][round], nanoseconds per value
		long[][][][] ns = new long[SUITES.size()][VALUES.size()][3][ROUNDS];
		for (int r = -WARMUP; r < ROUNDS; r++) {
			for (int s = 0; s < SUITES.size(); s++) {
				for (int v = 0; v < VALUES.size(); v++) {
					long[] one = round(suites.get(SUITES.get(s)), VALUES.get(v), row, sealed);
					for (int k = 0; k < 3 && r >= 0; k++) {
						ns[s][v][k][r] = one[k];
					}
				}
			}
		}
		System.out.printf("%nPersonal data, one thread, µs per value: medians of %d rounds of %,d (after %d rounds of warm-up)%n",
				ROUNDS, PER_ROUND, WARMUP);
		System.out.printf("%-12s %-12s %8s %8s %12s%n", "suite", "value", "seal", "open", "search hash");
		for (int s = 0; s < SUITES.size(); s++) {
			for (int v = 0; v < VALUES.size(); v++) {
				System.out.printf("%-12s %-12s %8.2f %8.2f %12.2f%n", SUITES.get(s), VALUES.get(v), median(ns[s][v][0]) / 1000.0,
						median(ns[s][v][1]) / 1000.0, median(ns[s][v][2]) / 1000.0);
			}
		}
		for (int v = 0; v < VALUES.size(); v++) {
			System.out.printf("SM4 ÷ AES, %-12s seal %.2f, open %.2f, search hash %.2f (medians of the rounds' ratios)%n",
					VALUES.get(v), ratio(ns[1][v][0], ns[0][v][0]), ratio(ns[1][v][1], ns[0][v][1]), ratio(ns[1][v][2], ns[0][v][2]));
		}
	}

	/** Nanoseconds per value of one round: sealing, opening, hashing. */
	private static long[] round(PersonalData pd, String value, UUID row, String[] sealed) {
		long t0 = System.nanoTime();
		for (int i = 0; i < PER_ROUND; i++) {
			sealed[i] = pd.encrypt(value, "opinion", "submitter_phone_enc", row);
		}
		long t1 = System.nanoTime();
		int ok = 0;
		for (int i = 0; i < PER_ROUND; i++) {
			ok += pd.decrypt(sealed[i], "opinion", "submitter_phone_enc", row).length();
		}
		long t2 = System.nanoTime();
		List<String> hashes = new ArrayList<>(PER_ROUND);
		for (int i = 0; i < PER_ROUND; i++) {
			hashes.add(pd.searchHash(value));
		}
		long t3 = System.nanoTime();
		assertThat(ok).isEqualTo(PER_ROUND * value.length());
		assertThat(hashes).hasSize(PER_ROUND);
		return new long[] { (t1 - t0) / PER_ROUND, (t2 - t1) / PER_ROUND, (t3 - t2) / PER_ROUND };
	}

	private static double ratio(long[] a, long[] b) {
		double[] ratios = new double[a.length];
		for (int i = 0; i < a.length; i++) {
			ratios[i] = (double) a[i] / b[i];
		}
		Arrays.sort(ratios);
		return ratios[ratios.length / 2];
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
