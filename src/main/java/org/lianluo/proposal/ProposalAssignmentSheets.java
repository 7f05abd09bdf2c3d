package org.lianluo.proposal;

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
import org.lianluo.identity.Actor;
import org.lianluo.platform.Moment;
import org.lianluo.identity.Role;
import org.lianluo.platform.ImportReport;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.SheetLayout;
import org.lianluo.platform.SheetLayout.Column;
import org.lianluo.platform.Sheets;
import org.lianluo.unit.HandlingUnit;
import org.lianluo.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk assignment after a session's 交办会: a sheet of (number, mode, lead unit, assisting units), one line per
 * registered proposal of the session; a SEPARATE line may name several units in the lead unit's column, each of
 * which then replies on its own. Every line is checked first; with any bad line nothing is assigned and each
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

	private final Assigning assigning;

	private final ProposalAccess access;

	private final Congresses congresses;

	private final Units units;

	private final Labels labels;

	private final JdbcClient jdbc;

	private final SheetLayout layout;

	ProposalAssignmentSheets(Proposals proposals, Assigning assigning, ProposalAccess access, Congresses congresses, Units units,
			Labels labels, JdbcClient jdbc) {
		this.proposals = proposals;
		this.assigning = assigning;
		this.access = access;
		this.congresses = congresses;
		this.units = units;
		this.labels = labels;
		this.jdbc = jdbc;
		this.layout = new SheetLayout(labels, COLUMNS);
	}

	/** A line as checked: the proposal and where it goes: its lead unit, or each unit replying separately. */
	record Line(UUID proposalId, AssignmentMode mode, List<UUID> unitIds, List<UUID> assistingUnitIds) {
	}

	@Transactional
	public ImportReport assign(UUID sessionId, byte[] content, Actor user, Moment at) {
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
			for (Line l : good) {
				Proposal p = proposals.findById(l.proposalId()).orElseThrow();
				assigning.assign(p, l.mode(), l.unitIds(), l.assistingUnitIds(), actor, at.now());
				access.save(p);
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
		// SEPARATE names in the lead unit's column every unit that replies separately; LEAD names one lead unit.
		List<UUID> lead = unitsNamed(line, "leadUnit", errors);
		if (layout.value(line, "leadUnit") == null) {
			errors.add(layout.problem("leadUnit", "proposal.text.required"));
		}
		else if (mode == AssignmentMode.LEAD && lead.size() > 1) {
			errors.add(layout.problem("leadUnit", "proposal.sheet.lead-unit.one"));
		}
		List<UUID> assisting = unitsNamed(line, "assistingUnits", errors);
		if (mode == AssignmentMode.SEPARATE && !assisting.isEmpty()) {
			errors.add(layout.problem("assistingUnits", "proposal.assign.separate-alone"));
		}
		return new ImportReport.Checked<>(new Line(proposalId, mode, lead, assisting), errors);
	}

	/** The units a cell names, separated by 、 or commas; each name not in the registry is a problem. */
	private List<UUID> unitsNamed(Sheets.Line line, String column, List<String> errors) {
		List<UUID> found = new ArrayList<>();
		String cell = layout.value(line, column);
		if (cell == null) {
			return found;
		}
		for (String name : new LinkedHashSet<>(List.of(cell.split("[、,，;；\\n]+")))) {
			if (name.isBlank()) {
				continue;
			}
			units.findByName(name.strip()).map(HandlingUnit::id).ifPresentOrElse(found::add,
					() -> errors.add(layout.problem(column, "proposal.sheet.unit.missing", name.strip())));
		}
		return found;
	}
}
