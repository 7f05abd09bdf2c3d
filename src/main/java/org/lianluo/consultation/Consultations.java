package org.lianluo.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lianluo.identity.AuditLog;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Page;
import org.lianluo.platform.PersonalData;
import org.lianluo.platform.TrackingCodes;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations: ASSESSOR drafts and publishes them; anyone comments while the window is open; staff
 * enter comments gathered at stations, hide abusive ones (audited) and record what was adopted.
 */
@Service
public class Consultations {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final PersonalData personalData;

	private final AuditLog audit;

	private final Clock clock;

	Consultations(JdbcClient jdbc, Regions regions, PersonalData personalData, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.personalData = personalData;
		this.audit = audit;
		this.clock = clock;
	}

	// --- drafting and publishing (ASSESSOR)

	@Transactional
	public Consultation create(Draft d) {
		Actor user = requireAssessor();
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(d.title()) || d.title().strip().length() > 200) {
			problems.add(new FieldProblem("title", "consultation.title.required"));
		}
		if (blank(d.issuer()) || d.issuer().strip().length() > 100) {
			problems.add(new FieldProblem("issuer", "consultation.issuer.required"));
		}
		if (d.regionCode() == null || !regions.exists(d.regionCode())) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!user.scope().covers(d.regionCode())) {
			problems.add(new FieldProblem("regionCode", "consultation.region.outside-scope"));
		}
		if (d.opensOn() == null || d.closesOn() == null || d.closesOn().isBefore(d.opensOn())) {
			problems.add(new FieldProblem("closesOn", "consultation.window.invalid"));
		}
		List<Consultation.Article> articles = d.articles() == null ? List.of() : d.articles();
		Set<Integer> numbers = new HashSet<>();
		if (articles.isEmpty() || articles.stream().anyMatch(a -> a.number() < 1 || blank(a.text()) || !numbers.add(a.number()))) {
			problems.add(new FieldProblem("articles", "consultation.articles.invalid"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into consultation (id, title, issuer, region_code, opens_on, closes_on, status, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, now())""")
			.params(id, d.title().strip(), d.issuer().strip(), d.regionCode(), d.opensOn(), d.closesOn(), user.username())
			.update();
		for (Consultation.Article a : articles) {
			jdbc.sql("insert into consultation_article (consultation_id, number, text) values (?, ?, ?)")
				.params(id, a.number(), a.text().strip())
				.update();
		}
		return load(id).orElseThrow();
	}

	@Transactional
	public Consultation publish(UUID id) {
		requireAssessor();
		Consultation c = staffGet(id);
		if (c.status() != Consultation.Status.DRAFT) {
			throw LianluoException.conflict("consultation.already-published");
		}
		jdbc.sql("update consultation set status = 'PUBLISHED', published_at = now() where id = ?").param(id).update();
		return load(id).orElseThrow();
	}

	// --- reading

	public Consultation staffGet(UUID id) {
		Consultation c = load(id).orElseThrow(LianluoException::notFound);
		Scope.current().check(c.regionCode());
		return c;
	}

	public Page<Consultation> staffList(int page, int size) {
		String pattern = Scope.current().regionPattern();
		List<UUID> ids = jdbc.sql("select id from consultation where region_code like ? order by opens_on desc, id limit ? offset ?")
			.params(pattern, size, (long) page * size).query(UUID.class).list();
		long total = jdbc.sql("select count(*) from consultation where region_code like ?").param(pattern).query(Long.class).single();
		return new Page<>(ids.stream().map(i -> load(i).orElseThrow()).toList(), page, size, total);
	}

	/** Published consultations, open ones first: the first hundred, for the screens. */
	public List<Consultation> published() {
		return published(0, 100).items();
	}

	/** A page of the published consultations, open ones first. */
	public Page<Consultation> published(int page, int size) {
		List<UUID> ids = jdbc.sql("""
				select id from consultation where status = 'PUBLISHED' order by closes_on >= ? desc, opens_on desc, id
				limit ? offset ?""")
			.params(today(), size, (long) page * size)
			.query(UUID.class)
			.list();
		long total = jdbc.sql("select count(*) from consultation where status = 'PUBLISHED'").query(Long.class).single();
		return new Page<>(ids.stream().map(i -> load(i).orElseThrow()).toList(), page, size, total);
	}

	public Consultation publicGet(UUID id) {
		return load(id).filter(c -> c.status() == Consultation.Status.PUBLISHED).orElseThrow(LianluoException::notFound);
	}

	public boolean isOpen(Consultation c) {
		return c.openOn(today());
	}

	// --- comments

	/** A citizen's comment while the window is open; 409 outside it. */
	@Transactional
	public Comment comment(UUID consultationId, NewComment n) {
		Consultation c = publicGet(consultationId);
		return insert(c, n, Comment.Channel.PORTAL, null, null);
	}

	/** Comments gathered at a station's meeting, entered by its staff. */
	@Transactional
	public Comment commentAtStation(UUID consultationId, NewComment n, UUID stationId) {
		Actor user = Actor.current();
		if (!user.hasAny(List.of(Role.STATION_ADMIN, Role.ASSESSOR, Role.DEPUTY))) {
			throw LianluoException.forbidden();
		}
		Consultation c = publicGet(consultationId);
		return insert(c, n, Comment.Channel.STATION, stationId, user.username());
	}

	/**
	 * An opinion about the draft, sent by its ASSESSOR in triage (纳入立法参考): the opinion's words become a comment
	 * on the given article, without the citizen's name or phone, in the opinion's transaction; 409 when the
	 * consultation is not open.
	 */
	@Transactional
	public Comment commentFromOpinion(UUID consultationId, Integer articleNumber, String text, UUID opinionId) {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR)) {
			throw LianluoException.forbidden();
		}
		Consultation c = load(consultationId).filter(x -> x.status() == Consultation.Status.PUBLISHED)
			.orElseThrow(() -> LianluoException.invalidField("consultationId", "consultation.missing"));
		Comment comment = insert(c, new NewComment(articleNumber, text, null, null), Comment.Channel.OPINION, null,
				user.username());
		jdbc.sql("update consultation_comment set opinion_id = ? where id = ?").params(opinionId, comment.id()).update();
		return comment;
	}

	private Comment insert(Consultation c, NewComment n, Comment.Channel channel, UUID stationId, String enteredBy) {
		if (!isOpen(c)) {
			throw LianluoException.conflict("consultation.closed");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String text = n.text() == null ? "" : n.text().strip();
		if (text.codePointCount(0, text.length()) < 2 || text.length() > 5000) {
			problems.add(new FieldProblem("text", "consultation.comment.length"));
		}
		if (n.articleNumber() != null && !c.hasArticle(n.articleNumber())) {
			problems.add(new FieldProblem("articleNumber", "consultation.article.missing"));
		}
		String phone = blank(n.phone()) ? null : n.phone().strip();
		if (phone != null && !PersonalData.isMobile(phone)) {
			problems.add(new FieldProblem("phone", "consultation.phone.format"));
		}
		if (n.name() != null && n.name().length() > 50) {
			problems.add(new FieldProblem("name", "consultation.name.too-long"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		UUID id = Ids.newId();
		String code = TrackingCodes.next();
		jdbc.sql("""
				insert into consultation_comment (id, consultation_id, article_number, text, name_enc, phone_enc, phone_hash,
				  tracking_code, channel, station_id, entered_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, c.id(), n.articleNumber(), text, personalData.encrypt(blank(n.name()) ? null : n.name().strip(), "consultation_comment", "name_enc", id),
					personalData.encrypt(phone, "consultation_comment", "phone_enc", id), personalData.searchHash(phone), code, channel.name(), stationId, enteredBy,
					OffsetDateTime.now(clock))
			.update();
		return comment(id).orElseThrow();
	}

	public Page<Comment> comments(UUID consultationId, Integer article, int page, int size) {
		staffGet(consultationId);
		List<Comment> items = jdbc.sql("select * from consultation_comment where consultation_id = ?"
				+ " and (cast(? as int) is null or article_number = ?) order by created_at, id limit ? offset ?")
			.params(consultationId, article, article, size, (long) page * size)
			.query(Consultations::map)
			.list();
		long total = jdbc.sql("select count(*) from consultation_comment where consultation_id = ? and (cast(? as int) is null or article_number = ?)")
			.params(consultationId, article, article).query(Long.class).single();
		return new Page<>(items, page, size, total);
	}

	/** Per article (0 = the whole draft): comments, hidden, adopted. */
	public Map<Integer, long[]> summary(UUID consultationId) {
		staffGet(consultationId);
		return jdbc.sql("""
				select coalesce(article_number, 0), count(*), count(*) filter (where hidden),
				  count(*) filter (where adoption in ('ADOPTED', 'PARTLY_ADOPTED'))
				from consultation_comment where consultation_id = ? group by 1 order by 1""")
			.param(consultationId)
			.query((rs, n) -> Map.entry(rs.getInt(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
	}

	@Transactional
	public Comment hide(UUID commentId, String reason) {
		requireAssessor();
		Comment c = staffComment(commentId);
		if (blank(reason) || reason.length() > 500) {
			throw LianluoException.invalidField("reason", "consultation.hide.reason");
		}
		jdbc.sql("update consultation_comment set hidden = true, hidden_reason = ? where id = ?").params(reason.strip(), commentId).update();
		audit.record(AuditLog.Action.CONTENT_HIDDEN, "comment " + c.trackingCode(), reason.strip());
		return comment(commentId).orElseThrow();
	}

	@Transactional
	public Comment adopt(UUID commentId, Comment.Adoption adoption, String note) {
		requireAssessor();
		staffComment(commentId);
		if (adoption == null) {
			throw LianluoException.invalidField("adoption", "consultation.adoption.required");
		}
		jdbc.sql("update consultation_comment set adoption = ?, adoption_note = ? where id = ?")
			.params(adoption.name(), blank(note) ? null : note.strip(), commentId)
			.update();
		return comment(commentId).orElseThrow();
	}

	public Optional<Comment> byTrackingCode(String code) {
		return jdbc.sql("select * from consultation_comment where tracking_code = ?")
			.param(TrackingCodes.normalise(code))
			.query(Consultations::map)
			.optional();
	}

	/** Comment counts per published consultation, for the portal; hidden ones are not counted. */
	public long visibleComments(UUID consultationId) {
		return jdbc.sql("select count(*) from consultation_comment where consultation_id = ? and not hidden")
			.param(consultationId).query(Long.class).single();
	}

	private Comment staffComment(UUID id) {
		Comment c = comment(id).orElseThrow(LianluoException::notFound);
		staffGet(c.consultationId());
		return c;
	}

	private Optional<Comment> comment(UUID id) {
		return jdbc.sql("select * from consultation_comment where id = ?").param(id).query(Consultations::map).optional();
	}

	private Optional<Consultation> load(UUID id) {
		List<Consultation.Article> articles = jdbc.sql("select number, text from consultation_article where consultation_id = ? order by number")
			.param(id)
			.query((rs, n) -> new Consultation.Article(rs.getInt(1), rs.getString(2)))
			.list();
		return jdbc.sql("select id, title, issuer, region_code, opens_on, closes_on, status from consultation where id = ?")
			.param(id)
			.query((rs, n) -> new Consultation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
					Consultation.Status.valueOf(rs.getString(7)), articles))
			.optional();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
	}

	private static Actor requireAssessor() {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR)) {
			throw LianluoException.forbidden();
		}
		return user;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static Comment map(ResultSet rs, int n) throws SQLException {
		String adoption = rs.getString("adoption");
		return new Comment(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
				(Integer) rs.getObject("article_number"), rs.getString("text"), rs.getString("tracking_code"),
				Comment.Channel.valueOf(rs.getString("channel")), rs.getObject("station_id", UUID.class), rs.getBoolean("hidden"),
				rs.getString("hidden_reason"), adoption == null ? null : Comment.Adoption.valueOf(adoption),
				rs.getString("adoption_note"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	/** What ASSESSOR fills in (API.md's body). */
	public record Draft(String title, String issuer, String regionCode, LocalDate opensOn, LocalDate closesOn,
			List<Consultation.Article> articles) {
	}

	/** A comment as handed in (API.md's body). */
	public record NewComment(Integer articleNumber, String text, String name, String phone) {
	}
}
