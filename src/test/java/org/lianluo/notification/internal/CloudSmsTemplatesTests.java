package org.lianluo.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianluo.notification.NotificationProperties.Template;

/**
 * The check of a cloud provider's template mapping when the application starts: every citizen template mapped,
 * every parameter one of the message's placeholders, every mapped template known and given an id.
 */
class CloudSmsTemplatesTests {

	private static Map<String, Template> citizen() {
		Map<String, Template> t = new HashMap<>();
		for (String s : List.of("received", "assigned", "reopened", "closed", "merged")) {
			t.put("citizen-" + s, new Template("SMS_1", List.of("code")));
		}
		t.put("citizen-fed-back", new Template("SMS_2", List.of("trackingCode=code", "link")));
		return t;
	}

	@Test
	void aCompleteMappingBindsVariablesToPlaceholdersInOrder() {
		CloudSmsTemplates templates = new CloudSmsTemplates("aliyun", citizen());

		assertThat(templates.of("citizen-fed-back").orElseThrow().params()).containsExactly(
				new CloudSmsTemplates.Param("trackingCode", "code"), new CloudSmsTemplates.Param("link", "link"));
		assertThat(templates.of("opinion-assigned")).as("a staff template may stay unmapped").isEmpty();
	}

	@Test
	void aCitizenTemplateWithoutMappingStopsTheStart() {
		Map<String, Template> t = citizen();
		t.remove("citizen-closed");

		assertThatThrownBy(() -> new CloudSmsTemplates("tencent", t)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("lianluo.notification.sms.tencent.templates.citizen-closed")
			.hasMessageContaining("群众短信必须配置服务商模板");
	}

	@Test
	void freeTextUnknownTemplatesAndMissingIdsStopTheStart() {
		Map<String, Template> t = citizen();
		t.put("citizen-received", new Template("SMS_1", List.of("text")));
		t.put("opinion-assigned", new Template(" ", List.of("code", "deadline")));
		t.put("citizen-lottery", new Template("SMS_9", List.of()));

		assertThatThrownBy(() -> new CloudSmsTemplates("aliyun", t)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("citizen-received.params：“text”不是该消息的参数（可用：code）")
			.hasMessageContaining("opinion-assigned.id：缺少服务商的模板 ID")
			.hasMessageContaining("citizen-lottery：没有这个消息模板");
	}
}
