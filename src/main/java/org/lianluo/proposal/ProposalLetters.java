package org.lianluo.proposal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.DeputySummary;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.RegionNames;
import org.lianluo.region.WorkingCalendar;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 一人一函: the letter to one deputy about the proposals they led in a session, where each went and how it was
 * answered, as a .docx. Always in Chinese: it is sent on paper. The deputy asks for their own; the office for any
 * deputy of a session in its scope.
 */
@Service
public class ProposalLetters {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingCalendar.ZONE);

	private final JdbcClient jdbc;

	private final Congresses congresses;

	private final Deputies deputies;

	private final Units units;

	private final RegionNames regionNames;

	private final MessageSource messages;

	private final Clock clock;

	ProposalLetters(JdbcClient jdbc, Congresses congresses, Deputies deputies, Units units, RegionNames regionNames,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.congresses = congresses;
		this.deputies = deputies;
		this.units = units;
		this.regionNames = regionNames;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * One line of the letter: a proposal the deputy led, and what became of it; a proposal several units handle
	 * separately has a line per unit, with that unit's reply and the deputy's rating of it.
	 */
	public record Line(Integer number, String title, ProposalStatus status, String notRegisteredReason, UUID leadUnitId,
			List<UUID> assistingUnitIds, ReplyClass replyClass, String replyText, Instant repliedAt, Verdict grade) {
	}

	/** The letter's content, for the document and for tests. */
	public record Letter(String deputyName, String sessionName, List<Line> lines, Map<UUID, String> unitNames) {
	}

	public Letter letter(UUID sessionId, UUID deputyId) {
		Actor user = Actor.current();
		Session session = congresses.findSession(sessionId).orElseThrow(LianluoException::notFound);
		UUID deputy = deputyId != null ? deputyId : user.deputyId();
		if (deputy == null) {
			throw LianluoException.invalidField("deputy", "proposal.letter.deputy");
		}
		boolean own = user.has(Role.DEPUTY) && deputy.equals(user.deputyId());
		if (!own) {
			if (!user.has(Role.ASSESSOR)) {
				throw LianluoException.forbidden();
			}
			user.scope().check(session.regionCode());
		}
		DeputySummary who = deputies.find(deputy).orElseThrow(LianluoException::notFound);
		List<Line> lines = jdbc.sql("""
				select p.number, p.title, coalesce(s.status, p.status), p.not_registered_reason,
				  coalesce(s.unit_id, p.lead_unit_id),
				  coalesce((select array_agg(a.unit_id) from proposal_assisting_unit a where a.proposal_id = p.id), '{}'),
				  case when s.id is null then p.reply_class else s.reply_class end,
				  case when s.id is null then p.reply_text else s.reply_text end,
				  case when s.id is null then p.replied_at else s.replied_at end,
				  case when s.id is null then p.grade else s.grade end
				from proposal p left join proposal_separate_unit s on s.proposal_id = p.id and s.status <> 'RETURNED'
				where p.session_id = ? and p.lead_deputy_id = ? and p.status not in ('DRAFT', 'WITHDRAWN', 'SUBMITTED')
				order by p.number nulls last, p.submitted_at, s.position""")
			.params(sessionId, deputy)
			.query((rs, n) -> new Line((Integer) rs.getObject(1), rs.getString(2), ProposalStatus.valueOf(rs.getString(3)),
					rs.getString(4), rs.getObject(5, UUID.class), List.of((UUID[]) rs.getArray(6).getArray()),
					rs.getString(7) == null ? null : ReplyClass.valueOf(rs.getString(7)), rs.getString(8),
					rs.getObject(9, OffsetDateTime.class) == null ? null : rs.getObject(9, OffsetDateTime.class).toInstant(),
					rs.getString(10) == null ? null : Verdict.valueOf(rs.getString(10))))
			.list();
		List<UUID> unitIds = new ArrayList<>();
		lines.forEach(l -> {
			if (l.leadUnitId() != null) {
				unitIds.add(l.leadUnitId());
			}
			unitIds.addAll(l.assistingUnitIds());
		});
		Map<UUID, String> names = units.findAll(unitIds).stream().collect(Collectors.toMap(HandlingUnit::id, HandlingUnit::name));
		String sessionName = msg("proposal.session.name", regionNames.of(session.regionCode()), session.term(), session.number());
		return new Letter(who.name(), sessionName, lines, names);
	}

	public byte[] docx(UUID sessionId, UUID deputyId) {
		Letter l = letter(sessionId, deputyId);
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			run(title, msg("proposal.letter.title"), true, 18);
			run(doc.createParagraph(), msg("proposal.letter.salutation", l.deputyName()), false, 12);
			run(doc.createParagraph(), msg("proposal.letter.opening", l.sessionName(), l.lines().size()), false, 12);
			XWPFTable table = doc.createTable(l.lines().size() + 1, 5);
			row(table.getRow(0), msg("proposal.number"), msg("proposal.title"), msg("proposal.letter.units"),
					msg("proposal.letter.answer"), msg("proposal.grade"));
			for (int i = 0; i < l.lines().size(); i++) {
				Line line = l.lines().get(i);
				row(table.getRow(i + 1), line.number() == null ? "" : msg("proposal.number-label", line.number()), line.title(),
						units(line, l.unitNames()), answer(line), line.grade() == null ? "" : msg("proposal.grade." + line.grade()));
			}
			run(doc.createParagraph(), msg("proposal.letter.closing"), false, 12);
			XWPFParagraph sign = doc.createParagraph();
			sign.setAlignment(ParagraphAlignment.RIGHT);
			run(sign, msg("proposal.letter.signature"), false, 12);
			XWPFParagraph date = doc.createParagraph();
			date.setAlignment(ParagraphAlignment.RIGHT);
			run(date, DAY.format(clock.instant()), false, 12);
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String units(Line line, Map<UUID, String> names) {
		if (line.status() == ProposalStatus.NOT_REGISTERED) {
			return msg("proposal.status.NOT_REGISTERED");
		}
		if (line.leadUnitId() == null) {
			return msg("proposal.letter.not-assigned");
		}
		String lead = names.getOrDefault(line.leadUnitId(), "");
		if (line.assistingUnitIds().isEmpty()) {
			return lead;
		}
		return msg("proposal.letter.lead-and-assisting", lead,
				line.assistingUnitIds().stream().map(u -> names.getOrDefault(u, "")).collect(Collectors.joining("、")));
	}

	private String answer(Line line) {
		if (line.status() == ProposalStatus.NOT_REGISTERED) {
			return line.notRegisteredReason() == null ? "" : line.notRegisteredReason();
		}
		if (line.replyClass() == null) {
			return msg("proposal.status." + line.status());
		}
		return msg("proposal.class." + line.replyClass()) + msg("proposal.letter.replied-on", DAY.format(line.repliedAt()))
				+ line.replyText();
	}

	private static void row(XWPFTableRow row, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			row.getCell(i).setText(cells[i] == null ? "" : cells[i]);
		}
	}

	private static void run(XWPFParagraph p, String text, boolean bold, int size) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setBold(bold);
		r.setFontSize(size);
		r.setFontFamily("SimSun");
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, CHINESE);
	}
}
