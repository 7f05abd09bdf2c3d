package org.lianluo.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianluo.identity.CityWide;
import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wording of every message, per template and channel: the office's own (ADMIN edits it, with named
 * placeholders such as {@code {code}} and a preview with sample values; every change is kept with who made it),
 * else the default of the bundle {@code i18n/notification_zh_CN.properties}. Senders read it at each send, so a
 * change applies from the next message on. An e-mail keeps its link and its opt-out link whatever the text says.
 */
@Service
public class MessageTemplates {

	/** Two SMS segments of 67 characters: longer texts are refused. */
	public static final int SMS_MAX = 134;

	public static final int BODY_MAX = 2000;

	public static final int SUBJECT_MAX = 200;

	public static final List<String> CHANNELS = List.of("INBOX", "EMAIL", "SMS");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private static final List<String> CODE = List.of("code");

	private static final List<String> CODE_DEADLINE = List.of("code", "deadline");

	private static final List<String> NUMBER_DEADLINE = List.of("number", "deadline");

	private static final List<String> NUMBER_TITLE = List.of("number", "title");

	/** Every template and the placeholders it fills, in the order of the bundle's {0}, {1} … */
	public static final Map<String, List<String>> TEMPLATES = templates();

	/** What the preview fills in. */
	public static final Map<String, String> SAMPLE = Map.of("code", "01JDXKP4M2Q7R", "deadline", "2026-12-15 17:30",
			"number", "12", "title", "关于改造祥周镇至林逢镇公路的建议", "date", "2026-11-29", "overdue", "7", "key", "2", "class", "A",
			"link", "https://lianluo.bsrd.gov.cn/track?code=01JDXKP4M2Q7R&key=5V0QJ8ZK2M7TXR4D9HBN");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final CityWide cityWide;

	MessageTemplates(JdbcClient jdbc, MessageSource messages, Clock clock, CityWide cityWide) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.cityWide = cityWide;
	}

	private static Map<String, List<String>> templates() {
		Map<String, List<String>> t = new LinkedHashMap<>();
		for (String s : List.of("received", "assigned", "fed-back", "reopened", "closed", "merged")) {
			t.put("citizen-" + s, CODE);
		}
		// The feedback SMS links to the rating page with the citizen's rating key, made at sending (RatingLinks).
		t.put("citizen-fed-back", List.of("code", "link"));
		t.put("opinion-assigned", CODE_DEADLINE);
		t.put("opinion-reopened", CODE_DEADLINE);
		for (int level = 1; level <= 4; level++) {
			t.put("opinion-supervised-" + level, CODE_DEADLINE);
		}
		t.put("leader-digest", List.of("date", "overdue", "key"));
		t.put("deputy-opinion-received", CODE);
		t.put("proposal-cosign-requested", List.of("title"));
		t.put("proposal-registered", NUMBER_TITLE);
		t.put("proposal-replied", NUMBER_TITLE);
		t.put("proposal-reply-copy", List.of("number", "class"));
		t.put("proposal-assigned", NUMBER_DEADLINE);
		t.put("proposal-assisting-view-late", NUMBER_DEADLINE);
		for (int level = 1; level <= 4; level++) {
			t.put("proposal-supervised-" + level, NUMBER_DEADLINE);
		}
		return java.util.Collections.unmodifiableMap(t);
	}

	/** The channels a template is sent on: citizens' only by SMS; staff messages in the inbox, by e-mail and SMS. */
	public static List<String> channelsOf(String template) {
		return template.startsWith("citizen-") ? List.of("SMS") : CHANNELS;
	}

	/** The text of a message: the office's wording, else the bundle's in the given language. */
	public String text(String template, String channel, Map<String, String> params, Locale locale) {
		if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
			Optional<Wording> own = own(template, channel);
			if (own.isPresent()) {
				return fill(own.get().body(), params);
			}
		}
		return messages.getMessage("notification.text." + template, params.values().toArray(), locale);
	}

	/** The subject of an e-mail: the office's, else the default (naming the tracking code when there is one). */
	public String subject(String template, Map<String, String> params) {
		return own(template, "EMAIL").filter(w -> w.subject() != null)
			.map(w -> fill(w.subject(), params))
			.orElseGet(() -> params.containsKey("code")
					? messages.getMessage("notification.email.subject", new Object[] { params.get("code") }, Locale.SIMPLIFIED_CHINESE)
					: messages.getMessage("notification.email.subject.proposal", null, Locale.SIMPLIFIED_CHINESE));
	}

	/** Every template on each of its channels, as ADMIN's list shows them. */
	public List<View> list() {
		admin();
		List<View> views = new ArrayList<>();
		TEMPLATES.keySet().forEach(t -> channelsOf(t).forEach(c -> views.add(view(t, c))));
		return views;
	}

	public View get(String template, String channel) {
		admin();
		known(template, channel);
		return view(template, channel);
	}

	/** The text as it would go out, with sample values; refused like a save if it would be refused. */
	public Preview preview(String template, String channel, String subject, String body) {
		admin();
		known(template, channel);
		Wording w = validate(template, channel, subject, body);
		return new Preview(w.subject() == null ? null : fill(w.subject(), SAMPLE), fill(w.body(), SAMPLE));
	}

	@Transactional
	public View save(String template, String channel, String subject, String body) {
		Actor user = admin();
		known(template, channel);
		Wording w = validate(template, channel, subject, body);
		Optional<Wording> before = own(template, channel);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into notification_template (template, channel, subject, body, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?) on conflict (template, channel) do update set subject = excluded.subject,
				  body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(template, channel, w.subject(), w.body(), user.username(), utc(now))
			.update();
		record(template, channel, user, now, before.orElse(null), w);
		return view(template, channel);
	}

	/** Back to the default wording. */
	@Transactional
	public View reset(String template, String channel) {
		Actor user = admin();
		known(template, channel);
		Optional<Wording> before = own(template, channel);
		if (before.isPresent()) {
			jdbc.sql("delete from notification_template where template = ? and channel = ?").params(template, channel).update();
			record(template, channel, user, clock.instant(), before.get(), null);
		}
		return view(template, channel);
	}

	/** Who changed this template when, newest first. */
	public List<Change> history(String template, String channel) {
		admin();
		known(template, channel);
		return jdbc.sql("""
				select changed_at, changed_by, old_subject, old_body, new_subject, new_body from notification_template_change
				where template = ? and channel = ? order by changed_at desc, id desc limit 50""")
			.params(template, channel)
			.query((rs, n) -> new Change(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private void record(String template, String channel, Actor user, Instant now, Wording before, Wording after) {
		jdbc.sql("""
				insert into notification_template_change (template, channel, changed_by, changed_at, old_subject, old_body,
				  new_subject, new_body) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(template, channel, user.username(), utc(now), before == null ? null : before.subject(),
					before == null ? null : before.body(), after == null ? null : after.subject(),
					after == null ? null : after.body())
			.update();
	}

	private Wording validate(String template, String channel, String subject, String body) {
		List<FieldProblem> problems = new ArrayList<>();
		String text = body == null ? "" : body.strip().replace("\r\n", "\n");
		String title = "EMAIL".equals(channel) && subject != null && !subject.isBlank() ? subject.strip() : null;
		List<String> allowed = TEMPLATES.get(template);
		if (text.isEmpty()) {
			problems.add(new FieldProblem("body", "notification.template.body.empty"));
		}
		else if (text.length() > BODY_MAX) {
			problems.add(new FieldProblem("body", "notification.template.body.long", BODY_MAX));
		}
		else {
			placeholders("body", text, allowed, problems);
		}
		if (title != null) {
			if (title.length() > SUBJECT_MAX || title.contains("\n")) {
				problems.add(new FieldProblem("subject", "notification.template.subject.long", SUBJECT_MAX));
			}
			else {
				placeholders("subject", title, allowed, problems);
			}
		}
		if (problems.isEmpty() && "SMS".equals(channel)) {
			int length = fill(text, SAMPLE).length();
			if (length > SMS_MAX) {
				problems.add(new FieldProblem("body", "notification.template.sms.long", length, SMS_MAX));
			}
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return new Wording(title, text);
	}

	private static void placeholders(String field, String text, List<String> allowed, List<FieldProblem> problems) {
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			if (!allowed.contains(m.group(1))) {
				problems.add(new FieldProblem(field, "notification.template.placeholder", m.group(), allowedText(allowed)));
				return;
			}
		}
		if (m.replaceAll("").matches("(?s).*[{}].*")) {
			problems.add(new FieldProblem(field, "notification.template.braces"));
		}
	}

	private static String allowedText(List<String> allowed) {
		return String.join("、", allowed.stream().map(p -> "{" + p + "}").toList());
	}

	private static String fill(String text, Map<String, String> params) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = params.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	private View view(String template, String channel) {
		List<String> names = TEMPLATES.get(template);
		Object[] positional = names.stream().map(n -> "{" + n + "}").toArray();
		String defaultBody = messages.getMessage("notification.text." + template, positional, Locale.SIMPLIFIED_CHINESE);
		String defaultSubject = "EMAIL".equals(channel) ? (names.contains("code")
				? messages.getMessage("notification.email.subject", new Object[] { "{code}" }, Locale.SIMPLIFIED_CHINESE)
				: messages.getMessage("notification.email.subject.proposal", null, Locale.SIMPLIFIED_CHINESE)) : null;
		Optional<Stored> own = stored(template, channel);
		return new View(template, channel, names.stream().map(n -> "{" + n + "}").toList(), defaultSubject, defaultBody,
				own.map(s -> s.wording().subject()).orElse(null), own.map(s -> s.wording().body()).orElse(null),
				own.map(Stored::by).orElse(null), own.map(Stored::at).orElse(null));
	}

	private Optional<Wording> own(String template, String channel) {
		return stored(template, channel).map(Stored::wording);
	}

	private Optional<Stored> stored(String template, String channel) {
		return jdbc.sql("select subject, body, updated_by, updated_at from notification_template where template = ? and channel = ?")
			.params(template, channel)
			.query((rs, n) -> new Stored(new Wording(rs.getString(1), rs.getString(2)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
	}

	private static void known(String template, String channel) {
		List<FieldProblem> missing = new ArrayList<>();
		if (template == null || template.isBlank()) {
			missing.add(new FieldProblem("template", "notification.template.missing"));
		}
		if (channel == null || channel.isBlank()) {
			missing.add(new FieldProblem("channel", "notification.template.channel.missing"));
		}
		if (!missing.isEmpty()) {
			throw LianluoException.invalidFields(missing);
		}
		if (!TEMPLATES.containsKey(template) || !channelsOf(template).contains(channel)) {
			throw LianluoException.notFound();
		}
	}

	/** The wording of messages binds the whole city: its administrators only. */
	private Actor admin() {
		return cityWide.requireAdmin();
	}

	private static OffsetDateTime utc(Instant i) {
		return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	private record Wording(String subject, String body) {
	}

	private record Stored(Wording wording, String by, Instant at) {
	}

	/**
	 * A template on one channel as ADMIN sees it: its placeholders, the default wording and the office's own (null
	 * when none), who last changed it and when.
	 */
	public record View(String template, String channel, List<String> placeholders, String defaultSubject,
			String defaultBody, String subject, String body, String updatedBy, Instant updatedAt) {

		public boolean overridden() {
			return body != null;
		}
	}

	/** A text with the sample values in place. */
	public record Preview(String subject, String body) {
	}

	/** One change: who, when, before and after (a null new body: back to the default). */
	public record Change(Instant at, String by, String oldSubject, String oldBody, String newSubject, String newBody) {
	}
}
