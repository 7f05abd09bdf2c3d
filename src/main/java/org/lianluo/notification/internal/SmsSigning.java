package org.lianluo.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256, HMAC-SHA256, lowercase hex and RFC 3986 encoding, as the cloud SMS providers' request signing uses them. */
final class SmsSigning {

	private SmsSigning() {
	}

	static String sha256Hex(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] hmac(String key, String text) {
		return hmac(key.getBytes(StandardCharsets.UTF_8), text);
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	/** RFC 3986: letters, digits and {@code - _ . ~} as they are, every other UTF-8 byte as %XX. */
	static String percent(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
	}
}
