package org.lianluo.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * What a careless or malicious client sends: the corpus of issue 11 (huge, empty, control characters,
 * emoji and rare CJK, right-to-left marks, SQL and HTML and template injection, path traversal, forged
 * enum values, numbers and dates at the edges) and jqwik generators that mix it with random text.
 */
final class Hostile {

	static final List<String> STRINGS = List.of("", " ", "\t\r\n", "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m红\u007f",
			"\r\nX-Injected: 1\r\n\r\n", "长".repeat(100_000), "a".repeat(5_001), "👍🏽👨‍👩‍👧 🇨🇳", "𠀀𪚥𰻞𱍐 龘",
			"\u202Eevil.exe\u202C", "\u200F\u200E\u200B\uFEFF", "\uD800", "' OR '1'='1", "'; drop table opinion; --",
			"1); select pg_sleep(5); --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"${7*7}", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::x", "{{7*7}}",
			"../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "%00", "-1", "0",
			"99999999999999999999", "NaN", "1e309", "1900-01-01", "9999-12-31", "2025-02-30", "0000-00-00",
			"ADMIN", "submitted", "SUGGESTION ", "null", "{\"$ne\":null}", "13812345678", "+86 138-1234-5678", "451022",
			"45102", "999999", "451022108999", "00000000-0000-0000-0000-000000000000");

	static final List<Object> NUMBERS = List.of(-1, 0, -2147483648, 2147483647, Long.MAX_VALUE, Long.MIN_VALUE,
			new java.math.BigInteger("99999999999999999999999999"), 1.5, -0.0, 1e308);

	static final List<String> DATES = List.of("1900-01-01", "9999-12-31", "2025-02-30", "0000-00-00", "", "昨天",
			"+999999999-12-31");

	static final List<String> TIMES = List.of("1900-01-01T00:00:00+08:00", "9999-12-31T23:59:59Z",
			"+999999999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2025-13-45T25:61:61Z", "", "now");

	static final List<String> FILE_NAMES = List.of("../../../../etc/passwd", "..\\..\\boot.ini", "con.xlsx", "",
			"a".repeat(300) + ".xlsx", "意见\u0000.png", "\u202Egnp.exe", "<script>.csv", "照片.png");

	private Hostile() {
	}

	static Arbitrary<String> strings() {
		return Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(5, Arbitraries.of(STRINGS)),
				net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(20)));
	}

	static Arbitrary<Object> numbers() {
		return Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.longs().map(Object.class::cast),
				strings().map(Object.class::cast));
	}

	/** Bodies that are not the JSON they claim to be, each with the content type it is sent under. */
	record RawBody(String contentType, byte[] bytes, String label) {

		@Override
		public String toString() {
			return label;
		}
	}

	static List<RawBody> rawBodies() {
		List<RawBody> bodies = new ArrayList<>();
		byte[] invalidUtf8 = concat("{\"content\":\"".getBytes(StandardCharsets.UTF_8),
				new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xA1 },
				"\",\"regionCode\":\"451022\",\"text\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8));
		bodies.add(new RawBody("application/json", invalidUtf8, "invalid UTF-8"));
		bodies.add(new RawBody("application/json", "{\"content\":".getBytes(StandardCharsets.UTF_8), "truncated JSON"));
		bodies.add(new RawBody("application/json", new byte[0], "empty body"));
		bodies.add(new RawBody("application/json", "[]".getBytes(StandardCharsets.UTF_8), "an array"));
		bodies.add(new RawBody("application/json", "null".getBytes(StandardCharsets.UTF_8), "null"));
		bodies.add(new RawBody("application/json", "[".repeat(5000).getBytes(StandardCharsets.UTF_8), "5000 open brackets"));
		bodies.add(new RawBody("application/json",
				("{\"content\":\"" + "意".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8), "3 MB of text"));
		bodies.add(new RawBody("text/plain", "{\"content\":\"路灯坏了\"}".getBytes(StandardCharsets.UTF_8), "text/plain"));
		bodies.add(new RawBody("application/xml", "<opinion><content>x</content></opinion>".getBytes(StandardCharsets.UTF_8),
				"XML"));
		bodies.add(new RawBody("multipart/form-data", "--x\r\n".getBytes(StandardCharsets.UTF_8), "multipart without boundary"));
		bodies.add(new RawBody("application/json; charset=GB18030", "{\"content\":\"路灯坏了请维修\"}".getBytes(
				java.nio.charset.Charset.forName("GB18030")), "GB18030 declared"));
		return bodies;
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}
}
