package org.lianluo.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Lianluo's signers against the worked examples of the providers' own documentation: Aliyun's "V3版本请求体&签名机制"
 * (RunInstances with YourAccessKeyId / YourAccessKeySecret) and Tencent's "签名方法 v3" (DescribeInstances of CVM
 * at timestamp 1551113065; Tencent prints its SecretKey as "Gu5t9xGARNpq86cd98joQYCN3*******", and its published
 * signature is that of exactly this string, asterisks included).
 */
class SmsSignatureVectorTests {

	private static final String TENCENT_PAYLOAD = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

	@Test
	void aliyunV3SignatureOfTheDocumentedExample() {
		Map<String, String> headers = Map.of("host", "ecs.cn-shanghai.aliyuncs.com", "x-acs-action", "RunInstances",
				"x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "x-acs-date",
				"2023-10-26T10:22:32Z", "x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d", "x-acs-version", "2014-05-26");

		assertThat(AliyunSmsProvider.authorization("POST", "/",
				"ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai", headers, "YourAccessKeyId",
				"YourAccessKeySecret"))
			.isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
					+ "x-acs-date;x-acs-signature-nonce;x-acs-version,"
					+ "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
		assertThat(SmsSigning.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void aliyunsEncodingOfTheQueryIsRfc3986() {
		assertThat(SmsSigning.percent("a b*c~d+e/百色")).isEqualTo("a%20b%2Ac~d%2Be%2F%E7%99%BE%E8%89%B2");
	}

	@Test
	void tencentTc3SignatureOfTheDocumentedExample() {
		Map<String, String> headers = Map.of("content-type", "application/json; charset=utf-8", "host", "cvm.tencentcloudapi.com");

		assertThat(SmsSigning.sha256Hex(TENCENT_PAYLOAD)).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
		assertThat(TencentSmsProvider.authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******",
				"cvm", 1551113065L, headers, TENCENT_PAYLOAD))
			.isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
					+ "SignedHeaders=content-type;host, "
					+ "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
	}

	@Test
	void tencentsCurrentExampleSignsTheActionLowercased() {
		// The current documentation also signs x-tc-action, its value lowercased; it gives the canonical request's hash.
		Map<String, String> headers = Map.of("content-type", "application/json; charset=utf-8", "host", "cvm.tencentcloudapi.com",
				"x-tc-action", "DescribeInstances");

		assertThat(SmsSigning.sha256Hex(TencentSmsProvider.canonicalRequest(headers, TENCENT_PAYLOAD)))
			.isEqualTo("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
	}

	@Test
	void tencentGetsMainlandNumbersAsE164() {
		assertThat(TencentSmsProvider.e164("13912345678")).isEqualTo("+8613912345678");
		assertThat(TencentSmsProvider.e164("+85291234567")).isEqualTo("+85291234567");
	}
}
