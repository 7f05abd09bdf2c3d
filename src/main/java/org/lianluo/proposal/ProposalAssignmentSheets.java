package org.lianluo.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianluo.deputy.Congresses;
import org.lianluo.deputy.Session;
import org.lianluo.identity.CurrentUser;
import org.lianluo.identity.Role;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SheetLayout;
import org.lianluo.platform.SheetLayout.Column;
import org.lianluo.platform.Sheets;
import org.lianluo.proposal.internal.Proposals;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk assignment after a session's 交办会: a sheet of (number, mode, lead unit, assisting units), one line per
 * registered proposal of the session. Every line is checked first; with any bad line nothing is assigned and each
 * is named with its column and problem in Chinese; otherwise all are assigned in one transaction, each through the
 * aggregate with its deadline, timeline entry, event and timer as if assigned one by one.
 */
@Service
public class ProposalAssignmentSheets {

	private static final Pattern NUMBER = Pattern.compile("^第?\\s*0*(\\d{1,6})\\s*号?$");

	private static final List<Column> COLUMNS = List.of(Column.required("number", "proposal.sheet.number"),
			Column.required("mode", "proposal.sheet.mode"), Column.required("leadUnit", "proposal.sheet.lead-unit"),
			Column.optional("assistingUnits", "proposal.sheet.assisting-units"));

	private final Proposals proposals;

	private final ProposalManagement management;

	private final ProposalDeadlines deadlines;

	private final Congresses congresses;

	private final Units units;

	private final Labels labels;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SheetLayout layout;

	ProposalAssignmentSheets(Proposals proposals, ProposalManagement management, ProposalDeadlines deadlines,
			Congresses congresses, Units units, Labels labels, JdbcClient jdbc, Clock clock) {
		this.proposals = proposals;
		this.management = management;
		this.deadlines = deadlines;
		this.congresses = congresses;
		this.units = units;
		this.labels = labels;
		this.jdbc = jdbc;
		this.clock = clock;
		this.layout = new SheetLayout(labels, COLUMNS);
	}

	/** A line as checked: the proposal and where it goes. */
	record Line(UUID proposalId, AssignmentMode mode, UUID leadUnitId, List<UUID> assistingUnitIds) {
	}

	@Transactional
	public ImportReport assign(UUID sessionId, byte[] content) {
		CurrentUser user = CurrentUser.get();
		if (!user.has(Role.ASSESSOR)) {
			throw LianluoException.forbidden();
		}
		if (sessionId == null) {
			throw LianluoException.invalidField("session", "proposal.session.missing");
		}
		Session session = congresses.findSession(sessionId).orElseThrow(LianluoException::notFound);
		user.scope().check(session.regionCode());
		List<Sheets.Line> lines = Sheets.read(content);
		layout.requireColumns(lines);
		Map<Integer, Object[]> byNumber = new java.util.HashMap<>();
		jdbc.sql("select number, id, status from proposal where session_id = ? and number is not null")
			.param(sessionId)
			.query((rs, n) -> byNumber.put(rs.getInt(1), new Object[] { rs.getObject(2, UUID.class), rs.getString(3) }))
			.list();
		Set<Integer> seen = new HashSet<>();
		String actor = user.username();
		return ImportReport.run(lines, line -> check(line, byNumber, seen), false, good -> {
			Instant now = clock.instant();
			Instant deadline = deadlines.reply(now);
			for (Line l : good) {
				Proposal p = proposals.findById(l.proposalId()).orElseThrow();
				p.assign(l.mode(), l.leadUnitId(), l.assistingUnitIds(), deadline, deadlines.stepAt(deadline, 1),
						deadlines.assistingView(now), actor, now);
				management.save(p);
			}
		});
	}

	public byte[] template() {
		return layout.template(List.of("proposal.sheet.notes.number", "proposal.sheet.notes.mode",
				"proposal.sheet.notes.units"));
	}

	private ImportReport.Checked<Line> check(Sheets.Line line, Map<Integer, Object[]> byNumber, Set<Integer> seen) {
		List<String> errors = new ArrayList<>();
		UUID proposalId = null;
		String numberCell = layout.value(line, "number");
		Matcher m = numberCell == null ? null : NUMBER.matcher(numberCell);
		if (m == null || !m.matches()) {
			errors.add(layout.problem("number", "proposal.sheet.number.invalid"));
		}
		else {
			int number = Integer.parseInt(m.group(1));
			Object[] found = byNumber.get(number);
			if (found == null) {
				errors.add(layout.problem("number", "proposal.sheet.number.missing", number));
			}
			else if (!ProposalStatus.valueOf((String) found[1]).awaitsAssignment()) {
				errors.add(layout.problem("number", "proposal.sheet.number.state", number,
						layout.text("proposal.status." + found[1])));
			}
			else if (!seen.add(number)) {
				errors.add(layout.problem("number", "proposal.sheet.number.twice", number));
			}
			else {
				proposalId = (UUID) found[0];
			}
		}
		AssignmentMode mode = labels.parse(AssignmentMode.class, "proposal.mode", layout.value(line, "mode"));
		if (mode == null) {
			errors.add(layout.problem("mode", "proposal.sheet.mode.invalid"));
		}
		UUID lead = null;
		String leadName = layout.value(line, "leadUnit");
		if (leadName == null) {
			errors.add(layout.problem("leadUnit", "proposal.text.required"));
		}
		else {
			lead = units.findByName(leadName).map(HandlingUnit::id).orElse(null);
			if (lead == null) {
				errors.add(layout.problem("leadUnit", "proposal.sheet.unit.missing", leadName));
			}
		}
		List<UUID> assisting = new ArrayList<>();
		String assistingCell = layout.value(line, "assistingUnits");
		if (assistingCell != null) {
			for (String name : new LinkedHashSet<>(List.of(assistingCell.split("[、,，;；\\n]+")))) {
				if (name.isBlank()) {
					continue;
				}
				units.findByName(name.strip()).map(HandlingUnit::id).ifPresentOrElse(assisting::add,
						() -> errors.add(layout.problem("assistingUnits", "proposal.sheet.unit.missing", name.strip())));
			}
			if (mode == AssignmentMode.SEPARATE && !assisting.isEmpty()) {
				errors.add(layout.problem("assistingUnits", "proposal.assign.separate-alone"));
			}
		}
		return new ImportReport.Checked<>(new Line(proposalId, mode, lead, assisting), errors);
	}
}
