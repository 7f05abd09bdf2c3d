package org.lianluo.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianluo.notification.MessageTemplates;
import org.lianluo.notification.NotificationProperties;

/**
 * A cloud provider's approved templates for Lianluo's message templates, checked when the application starts: a
 * mapping must name a known message template, give the provider's template id, and list as parameters only
 * placeholders that message has (its data, never free text). Every citizen template needs a mapping, for citizens
 * hear by SMS only; a staff template without one (staff choose SMS per kind of message, off by default) makes its
 * SMS a dead letter whose reason names the missing setting.
 */
final class CloudSmsTemplates {

	private final String provider;

	private final Map<String, Approved> approved = new LinkedHashMap<>();

	CloudSmsTemplates(String provider, Map<String, NotificationProperties.Template> configured) {
		this.provider = provider;
		List<String> problems = new ArrayList<>();
		configured.forEach((template, mapping) -> {
			String at = "lianluo.notification.sms." + provider + ".templates." + template;
			List<String> placeholders = MessageTemplates.TEMPLATES.get(template);
			if (placeholders == null) {
				problems.add(at + "：没有这个消息模板（可用：" + String.join("、", MessageTemplates.TEMPLATES.keySet()) + "）");
				return;
			}
			if (mapping.id() == null || mapping.id().isBlank()) {
				problems.add(at + ".id：缺少服务商的模板 ID");
			}
			List<Param> params = new ArrayList<>();
			for (String p : mapping.params()) {
				String[] parts = p.strip().split("=", 2);
				String placeholder = parts[parts.length - 1].strip();
				String variable = parts[0].strip();
				if (!placeholders.contains(placeholder) || variable.isEmpty()) {
					problems.add(at + ".params：“" + p + "”不是该消息的参数（可用：" + String.join("、", placeholders) + "）");
				}
				params.add(new Param(variable, placeholder));
			}
			approved.put(template, new Approved(mapping.id() == null ? null : mapping.id().strip(), List.copyOf(params)));
		});
		MessageTemplates.TEMPLATES.keySet()
			.stream()
			.filter(t -> t.startsWith("citizen-") && !approved.containsKey(t))
			.forEach(t -> problems.add("lianluo.notification.sms." + provider + ".templates." + t
					+ "：群众短信必须配置服务商模板（.id 与 .params）"));
		if (!problems.isEmpty()) {
			throw new IllegalStateException("短信模板配置有误 / SMS template mapping is wrong:\n  " + String.join("\n  ", problems));
		}
	}

	String provider() {
		return provider;
	}

	Optional<Approved> of(String template) {
		return Optional.ofNullable(approved.get(template));
	}

	/** The provider's template id and its parameters in order. */
	record Approved(String id, List<Param> params) {
	}

	/** One parameter: the provider template's variable name and the message's placeholder that fills it. */
	record Param(String variable, String placeholder) {
	}
}
