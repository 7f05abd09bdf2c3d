package org.lianluo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The fake providers' own verification, written from the documentation apart from Lianluo's signers, gives the
 * documented signatures of the providers' worked examples: so a request they accept is signed as documented.
 */
class FakeSmsVectorTests {

	@Test
	void theFakeAliyunComputesTheDocumentedV3Signature() {
		Map<String, String> query = Map.of("RegionId", "cn-shanghai", "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
		Map<String, String> headers = Map.of("host", "ecs.cn-shanghai.aliyuncs.com", "x-acs-action", "RunInstances",
				"x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "x-acs-date",
				"2023-10-26T10:22:32Z", "x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d", "x-acs-version", "2014-05-26");

		assertThat(AliyunFakeSms.signature("POST", "/", query, headers, "YourAccessKeySecret"))
			.isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
	}

	@Test
	void theFakeTencentComputesTheDocumentedTc3Signature() {
		byte[] payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
			.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = Map.of("content-type", "application/json; charset=utf-8", "host", "cvm.tencentcloudapi.com");

		assertThat(TencentFakeSms.signature("Gu5t9xGARNpq86cd98joQYCN3*******", "cvm", 1551113065L, headers, payload))
			.isEqualTo("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
	}
}
