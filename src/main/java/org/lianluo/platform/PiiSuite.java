package org.lianluo.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The algorithms of personal data at rest, chosen by {@code lianluo.pii.suite}: a cipher with authentication for the
 * values (GCM, 96-bit nonce, 128-bit tag) and a keyed hash for the search hashes (blind indexes), the other keyed
 * hashes and the derivation of every working key from a master key.
 * <ul>
 * <li>{@link #AES_256_GCM}: AES-256-GCM and HMAC-SHA256, from the JDK; what Lianluo always used.</li>
 * <li>{@link #SM4_GCM}: the national algorithms (国密) that 等保/密评 expect, SM4-GCM (GB/T 32907, the mode of RFC
 * 8998) and HMAC-SM3 (GB/T 32905), from BouncyCastle's lightweight API: no JCA provider is registered, the JDK's
 * providers stay as they are.</li>
 * </ul>
 */
public enum PiiSuite {

	AES_256_GCM("aes", "AES-256-GCM") {
		@Override
		byte[] derive(byte[] master, String label) {
			return hmacSha256(master, label.getBytes(StandardCharsets.UTF_8));
		}

		@Override
		byte[] dataKey(byte[] master) {
			return derive(master, "encrypt");
		}

		@Override
		byte[] mac(byte[] key, byte[] data) {
			return hmacSha256(key, data);
		}

		@Override
		byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] plain) {
			try {
				return jdkCipher(Cipher.ENCRYPT_MODE, key, iv, aad).doFinal(plain);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("encryption failed", ex);
			}
		}

		@Override
		byte[] open(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
			try {
				return jdkCipher(Cipher.DECRYPT_MODE, key, iv, aad).doFinal(sealed);
			}
			catch (AEADBadTagException ex) {
				throw new IllegalStateException("decryption failed: wrong key, or a value moved from its row?", ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("decryption failed", ex);
			}
		}
	},

	SM4_GCM("sm4", "SM4-GCM") {
		@Override
		byte[] derive(byte[] master, String label) {
			return hmacSm3(master, label.getBytes(StandardCharsets.UTF_8));
		}

		/** SM4 keys are 128 bits: the first half of the derived 256. */
		@Override
		byte[] dataKey(byte[] master) {
			return Arrays.copyOf(derive(master, "encrypt-sm4"), 16);
		}

		@Override
		byte[] mac(byte[] key, byte[] data) {
			return hmacSm3(key, data);
		}

		@Override
		byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] plain) {
			try {
				return sm4Gcm(true, key, iv, aad, plain);
			}
			catch (InvalidCipherTextException ex) {
				throw new IllegalStateException("encryption failed", ex);
			}
		}

		@Override
		byte[] open(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
			try {
				return sm4Gcm(false, key, iv, aad, sealed);
			}
			catch (InvalidCipherTextException ex) {
				throw new IllegalStateException("decryption failed: wrong key, or a value moved from its row?", ex);
			}
		}
	};

	/** The suite's name in a cipher text's header ({@code v3:sm4:…}). */
	final String code;

	/** The name in the setting and on screens. */
	final String title;

	PiiSuite(String code, String title) {
		this.code = code;
		this.title = title;
	}

	/** A working key for {@code label}, derived from the master key. */
	abstract byte[] derive(byte[] master, String label);

	/** The key of the cipher, derived from the master key. */
	abstract byte[] dataKey(byte[] master);

	/** The keyed hash (32 bytes). */
	abstract byte[] mac(byte[] key, byte[] data);

	/** Cipher text with its tag. */
	abstract byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] plain);

	/** The plain bytes; fails when the key, the nonce or the associated data are not those it was sealed with. */
	abstract byte[] open(byte[] key, byte[] iv, byte[] aad, byte[] sealed);

	public String code() {
		return code;
	}

	public String title() {
		return title;
	}

	/** {@code AES-256-GCM} or {@code SM4-GCM} (the setting's values), or the header's {@code aes}/{@code sm4}. */
	public static PiiSuite parse(String value) {
		String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('_', '-');
		for (PiiSuite s : values()) {
			if (v.equals(s.title) || v.equalsIgnoreCase(s.code) || v.equals(s.name().replace('_', '-'))) {
				return s;
			}
		}
		throw new IllegalStateException("lianluo.pii.suite must be AES-256-GCM or SM4-GCM, not '" + value + "'");
	}

	static PiiSuite ofCode(String code) {
		for (PiiSuite s : values()) {
			if (s.code.equals(code)) {
				return s;
			}
		}
		throw new IllegalStateException("decryption failed: unknown suite '" + code + "'");
	}

	private static Cipher jdkCipher(int mode, byte[] key, byte[] iv, byte[] aad) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
		if (aad != null) {
			cipher.updateAAD(aad);
		}
		return cipher;
	}

	static byte[] hmacSha256(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] hmacSm3(byte[] key, byte[] data) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(key));
		mac.update(data, 0, data.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	private static byte[] sm4Gcm(boolean encrypt, byte[] key, byte[] iv, byte[] aad, byte[] in) throws InvalidCipherTextException {
		GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, iv, aad));
		byte[] out = new byte[gcm.getOutputSize(in.length)];
		int n = gcm.processBytes(in, 0, in.length, out, 0);
		n += gcm.doFinal(out, n);
		return n == out.length ? out : Arrays.copyOf(out, n);
	}
}
