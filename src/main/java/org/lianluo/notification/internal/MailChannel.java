package org.lianluo.notification.internal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.lianluo.notification.MessageTemplates;
import org.lianluo.notification.NotificationProperties;
import org.lianluo.notification.Preferences;
import org.lianluo.notification.SmsProvider.Failed;
import org.lianluo.notification.SmsProvider.Outcome;
import org.lianluo.notification.SmsProvider.Sent;
import org.lianluo.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through SMTP (Spring Mail, {@code spring.mail.*}); without a mail host, to the log with the address
 * masked. Each e-mail carries the link to what it is about and the opt-out link, and the delivery's id as its
 * Message-ID, so that a resend after a crash is recognisable as the same message.
 */
@Component
class MailChannel {

	private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final Preferences preferences;

	private final NotificationProperties.Email config;

	private final MessageTemplates templates;

	MailChannel(ObjectProvider<JavaMailSender> mail, MessageSource messages, Preferences preferences,
			NotificationProperties properties, MessageTemplates templates) {
		this.templates = templates;
		this.mail = mail;
		this.messages = messages;
		this.preferences = preferences;
		this.config = properties.email();
	}

	Outcome send(UUID deliveryId, String address, UUID user, String template, Map<String, String> params, String link) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		String text = templates.text(template, "EMAIL", params, zh);
		String subject = templates.subject(template, params);
		String optOut = preferences.optOutToken(user).map(t -> config.baseUrl() + "/public/email-opt-out?token=" + t).orElse("");
		String body = messages.getMessage("notification.email.body",
				new Object[] { text, link == null ? config.baseUrl() : config.baseUrl() + link, optOut }, zh);
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.info("E-mail (log channel) to {}, id {}: {}", PersonalData.mask(address), deliveryId, text);
			return new Sent("log-" + deliveryId);
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(config.from());
			helper.setTo(address);
			helper.setSubject(subject);
			helper.setText(body);
			message.saveChanges();
			message.setHeader("Message-ID", "<" + deliveryId + "@lianluo>");
			sender.send(message);
			return new Sent(deliveryId.toString());
		}
		catch (MessagingException | MailException ex) {
			return new Failed("SMTP: " + ex.getClass().getSimpleName());
		}
	}
}
