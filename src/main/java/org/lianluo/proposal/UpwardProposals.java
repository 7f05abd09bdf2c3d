package org.lianluo.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.deputy.Level;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Ids;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.region.RegionCode;
import org.lianluo.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Proposals a delegation sends to a higher congress (e.g. 百色代表团 → 自治区人大), with their number there. */
@Service
public class UpwardProposals {

	private static final String SELECT = """
			select id, delegation, region_code, target_level, title, submitted_on, external_number, status, status_note,
			  status_at, target_congress, target_term, target_session
			from upward_proposal""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Clock clock;

	UpwardProposals(JdbcClient jdbc, Regions regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	@Transactional
	public UpwardProposal record(Form form) {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR)) {
			throw LianluoException.forbidden();
		}
		List<FieldProblem> problems = new ArrayList<>();
		String delegation = text(form.delegation());
		if (delegation == null || delegation.length() > 100) {
			problems.add(new FieldProblem("delegation", "proposal.upward.delegation"));
		}
		if (form.regionCode() == null || !RegionCode.isValid(form.regionCode()) || !regions.exists(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!user.scope().covers(form.regionCode())) {
			problems.add(new FieldProblem("regionCode", "proposal.upward.outside-scope"));
		}
		if (form.targetLevel() == null || form.targetLevel() == Level.TOWNSHIP) {
			problems.add(new FieldProblem("targetLevel", "proposal.upward.level"));
		}
		String title = text(form.title());
		if (title == null || title.length() > 200) {
			problems.add(new FieldProblem("title", "proposal.title.length", 200));
		}
		if (form.submittedOn() == null || form.submittedOn().isAfter(LocalDate.now(clock.withZone(org.lianluo.region.WorkingCalendar.ZONE)))) {
			problems.add(new FieldProblem("submittedOn", "proposal.upward.submitted-on"));
		}
		String number = externalNumber(form.externalNumber(), problems);
		String congress = text(form.targetCongress());
		if (congress != null && congress.length() > 100) {
			problems.add(new FieldProblem("targetCongress", "proposal.text.too-long", 100));
		}
		ordinal("targetTerm", form.targetTerm(), problems);
		ordinal("targetSession", form.targetSession(), problems);
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		UpwardProposal u = new UpwardProposal(Ids.newId(), delegation, form.regionCode(), form.targetLevel(), title,
				form.submittedOn(), number, UpwardStatus.SUBMITTED, null, null, congress, form.targetTerm(),
				form.targetSession());
		jdbc.sql("""
				insert into upward_proposal (id, delegation, region_code, target_level, title, submitted_on, external_number,
				created_by, created_at, target_congress, target_term, target_session)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(u.id(), u.delegation(), u.regionCode(), u.targetLevel().name(), u.title(), u.submittedOn(),
					u.externalNumber(), user.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), congress,
					form.targetTerm(), form.targetSession())
			.update();
		return u;
	}

	/**
	 * What the higher congress did with it, as the office learns it: its status there, with the number it got there
	 * (kept when not given) and a note. 404 outside the caller's region.
	 */
	@Transactional
	public UpwardProposal recordStatus(UUID id, StatusForm form) {
		Actor user = Actor.current();
		if (!user.has(Role.ASSESSOR)) {
			throw LianluoException.forbidden();
		}
		UpwardProposal before = find(id, user.scope().regionPattern()).orElseThrow(LianluoException::notFound);
		List<FieldProblem> problems = new ArrayList<>();
		if (form.status() == null) {
			problems.add(new FieldProblem("status", "proposal.upward.status.required"));
		}
		String number = externalNumber(form.externalNumber(), problems);
		String note = text(form.note());
		if (note != null && note.length() > 1000) {
			problems.add(new FieldProblem("note", "proposal.text.too-long", 1000));
		}
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		jdbc.sql("update upward_proposal set status = ?, external_number = ?, status_note = ?, status_at = ? where id = ?")
			.params(form.status().name(), number == null ? before.externalNumber() : number, note,
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id)
			.update();
		return find(id, user.scope().regionPattern()).orElseThrow();
	}

	/** The caller's region's upward proposals submitted in a year. */
	public List<UpwardProposal> list(String region, int year) {
		return jdbc.sql(SELECT + " where region_code like ? and submitted_on between ? and ? order by submitted_on, id")
			.params(Scope.current().narrow(region), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(UpwardProposals::row)
			.list();
	}

	/** One of the caller's region, or 404. */
	public UpwardProposal get(UUID id) {
		return find(id, Actor.current().scope().regionPattern()).orElseThrow(LianluoException::notFound);
	}

	/** 届 and 次 are counted from 1 (at most 99). */
	private static void ordinal(String field, Integer n, List<FieldProblem> problems) {
		if (n != null && (n < 1 || n > 99)) {
			problems.add(new FieldProblem(field, "proposal.upward.ordinal"));
		}
	}

	private Optional<UpwardProposal> find(UUID id, String regionPattern) {
		return jdbc.sql(SELECT + " where id = ? and region_code like ?").params(id, regionPattern).query(UpwardProposals::row).optional();
	}

	private static UpwardProposal row(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp(10);
		return new UpwardProposal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Level.valueOf(rs.getString(4)),
				rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), UpwardStatus.valueOf(rs.getString(8)),
				rs.getString(9), at == null ? null : at.toInstant(), rs.getString(11), (Integer) rs.getObject(12),
				(Integer) rs.getObject(13));
	}

	/** The number the higher congress gave it (at most 50 characters). */
	private static String externalNumber(String typed, List<FieldProblem> problems) {
		String number = text(typed);
		if (number != null && number.length() > 50) {
			problems.add(new FieldProblem("externalNumber", "proposal.text.too-long", 50));
		}
		return number;
	}

	private static String text(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/**
	 * {@code POST /api/v1/proposals/upward}; {@code targetCongress}, {@code targetTerm} and {@code targetSession}: the
	 * higher congress and its session (e.g. 广西壮族自治区人民代表大会, 14, 3), optional.
	 */
	public record Form(String delegation, String regionCode, Level targetLevel, String title, LocalDate submittedOn,
			String externalNumber, String targetCongress, Integer targetTerm, Integer targetSession) {

		public Form(String delegation, String regionCode, Level targetLevel, String title, LocalDate submittedOn,
				String externalNumber) {
			this(delegation, regionCode, targetLevel, title, submittedOn, externalNumber, null, null, null);
		}
	}

	/** {@code POST /api/v1/proposals/upward/{id}/status}. */
	public record StatusForm(UpwardStatus status, String externalNumber, String note) {
	}

	/** A delegation's proposal to a higher congress, and where it stands there. */
	public record UpwardProposal(UUID id, String delegation, String regionCode, Level targetLevel, String title,
			LocalDate submittedOn, String externalNumber, UpwardStatus status, String statusNote, Instant statusAt,
			String targetCongress, Integer targetTerm, Integer targetSession) {
	}
}
