package org.lianluo.deputy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.Page;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Congresses, their terms (届) and sessions; a congress or term is created when first needed. */
@Service
public class Congresses {

	private static final String SESSION_COLUMNS = """
			s.id, c.id as congress_id, t.id as term_id, c.level, c.region_code, t.number as term, s.kind, s.number,
			s.opens_on, s.closes_on
			from congress_session s join congress_term t on t.id = s.term_id join congress c on c.id = t.congress_id""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Labels labels;

	Congresses(JdbcClient jdbc, Regions regions, Labels labels) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.labels = labels;
	}

	public Optional<Session> findSession(UUID id) {
		return jdbc.sql("select " + SESSION_COLUMNS + " where s.id = ?").param(id).query(Congresses::session).optional();
	}

	/** A session of a congress by level, region, term, kind and number, whatever the caller's scope. */
	public Optional<Session> findSession(Level level, String regionCode, int term, Session.Kind kind, int number) {
		return jdbc.sql("select " + SESSION_COLUMNS
				+ " where c.level = ? and c.region_code = ? and t.number = ? and s.kind = ? and s.number = ?")
			.params(level.name(), regionCode, term, kind.name(), number)
			.query(Congresses::session)
			.optional();
	}

	public Page<Session> sessions(String region, int page, int size) {
		String pattern = Scope.current().narrow(region);
		List<Session> items = jdbc.sql("select " + SESSION_COLUMNS
				+ " where c.region_code like ? order by c.level, c.region_code, t.number desc, s.opens_on desc limit ? offset ?")
			.params(pattern, size, page * size)
			.query(Congresses::session)
			.list();
		long total = jdbc.sql("select count(*) from congress_session s join congress_term t on t.id = s.term_id "
				+ "join congress c on c.id = t.congress_id where c.region_code like ?").param(pattern).query(Long.class).single();
		return new Page<>(items, page, size, total);
	}

	@Transactional
	public Session createSession(SessionForm form) {
		Level level = validate(form);
		UUID termId = term(congress(level, form.regionCode()), form.term());
		Session.Kind kind = form.kind() == null ? Session.Kind.PLENARY : form.kind();
		boolean taken = jdbc.sql("select count(*) from congress_session where term_id = ? and kind = ? and number = ?")
			.params(termId, kind.name(), form.number()).query(Long.class).single() > 0;
		if (taken) {
			throw LianluoException.conflict("session.exists");
		}
		UUID id = Ids.newId();
		jdbc.sql("""
				insert into congress_session (id, term_id, kind, number, opens_on, closes_on, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, termId, kind.name(), form.number(), form.opensOn(), form.closesOn(), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return findSession(id).orElseThrow();
	}

	/** The congress of a level in a region, created when missing. */
	UUID congress(Level level, String regionCode) {
		jdbc.sql("insert into congress (id, level, region_code, created_at) values (?, ?, ?, ?) on conflict (level, region_code) do nothing")
			.params(Ids.newId(), level.name(), regionCode, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return jdbc.sql("select id from congress where level = ? and region_code = ?")
			.params(level.name(), regionCode).query(UUID.class).single();
	}

	/** The term of a congress by its number, created when missing. */
	UUID term(UUID congressId, int number) {
		jdbc.sql("insert into congress_term (id, congress_id, number) values (?, ?, ?) on conflict (congress_id, number) do nothing")
			.params(Ids.newId(), congressId, number)
			.update();
		return jdbc.sql("select id from congress_term where congress_id = ? and number = ?")
			.params(congressId, number).query(UUID.class).single();
	}

	/** The latest term of a congress, if one is known. */
	Optional<UUID> currentTerm(UUID congressId) {
		return jdbc.sql("select id from congress_term where congress_id = ? order by number desc limit 1")
			.param(congressId).query(UUID.class).optional();
	}

	private Level validate(SessionForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		Level level = labels.parse(Level.class, "level", form.level());
		if (level == null) {
			problems.add(new FieldProblem("level", "deputy.level.invalid"));
		}
		if (!RegionCode.isValid(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (level != null && level.ordinal() >= Level.CITY.ordinal()) {
			if (!regions.exists(form.regionCode())) {
				problems.add(new FieldProblem("regionCode", "problem.field.region"));
			}
			else if (!Scope.current().covers(form.regionCode())) {
				problems.add(new FieldProblem("regionCode", "deputy.region.outside-scope"));
			}
		}
		if (form.term() == null || form.term() < 1 || form.term() > 99) {
			problems.add(new FieldProblem("term", "session.term.invalid"));
		}
		if (form.number() == null || form.number() < 1 || form.number() > 999) {
			problems.add(new FieldProblem("number", "session.number.invalid"));
		}
		if (form.opensOn() == null) {
			problems.add(new FieldProblem("opensOn", "session.opens-on.required"));
		}
		else if (form.closesOn() != null && form.closesOn().isBefore(form.opensOn())) {
			problems.add(new FieldProblem("closesOn", "session.closes-on.before"));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return level;
	}

	private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Session(rs.getObject("id", UUID.class), rs.getObject("congress_id", UUID.class),
				rs.getObject("term_id", UUID.class), Level.valueOf(rs.getString("level")), rs.getString("region_code"),
				rs.getInt("term"), Session.Kind.valueOf(rs.getString("kind")), rs.getInt("number"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class));
	}

	/** {@code POST /api/v1/sessions}: the congress is given by level and region, the term by its number. */
	public record SessionForm(String level, String regionCode, Integer term, Integer number, LocalDate opensOn,
			LocalDate closesOn, Session.Kind kind) {
	}
}
