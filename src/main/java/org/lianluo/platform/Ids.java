package org.lianluo.platform;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562), so that rows cluster by creation and ids can be made anywhere. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static UUID newId() {
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFF);
		long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}
}
