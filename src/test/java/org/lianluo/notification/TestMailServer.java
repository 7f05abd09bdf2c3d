package org.lianluo.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.TestPropertySource;

/**
 * The SMTP server of the tests that send e-mail: GreenMail on port 3025, up for the whole test class. A test class
 * annotated {@link Configured} (which points the application's mail sender at it) registers it with
 * {@code @RegisterExtension static TestMailServer smtp = new TestMailServer();}.
 */
final class TestMailServer extends GreenMailExtension {

	TestMailServer() {
		super(ServerSetupTest.SMTP);
		withPerMethodLifecycle(false);
	}

	/** The messages this server has received for {@code email}. */
	List<MimeMessage> to(String email) {
		return to(this, email);
	}

	/** The messages {@code server} has received for {@code email}. */
	static List<MimeMessage> to(GreenMailOperations server, String email) {
		return Arrays.stream(server.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The application's e-mail settings for this server: its address, the sender and the base of the links. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
			"lianluo.notification.email.from=lianluo@rd.baise.example.cn",
			"lianluo.notification.email.base-url=https://lianluo.example.cn/" })
	@interface Configured {
	}
}
