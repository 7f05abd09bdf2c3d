package org.lianluo.platform;

import java.security.SecureRandom;

/** Tracking codes for what citizens hand in: 13 characters of Crockford's base-32, 65 random bits, easy to read out on the phone. */
public final class TrackingCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	public static final int LENGTH = 13;

	private TrackingCodes() {
	}

	public static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	/** Upper-cased and with the look-alikes a person may type (O, I, L, U) mapped back. */
	public static String normalise(String typed) {
		return typed == null ? "" : typed.trim().toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1').replace("-", "").replace(" ", "");
	}
}
