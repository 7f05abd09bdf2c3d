package org.lianluo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianluo.proposal.ProposalStatus.*;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.casework.SupervisionLadder;
import org.lianluo.platform.casework.WorkingDays;
import org.lianluo.proposal.ProposalTimelineEntry.Kind;

/**
 * Random sequences of steps over a proposal assigned to 1–3 units never take it, or a unit's part of it, along an
 * edge that DESIGN.md's diagram lacks; and the proposal's status and outcome always follow its parts by the rules.
 * A refused step is a 400, 403 or 409, and (as its transaction would be rolled back) the walk goes on from the state
 * before it.
 */
class ProposalStateMachineProperties {

	/** The shared ladder on a calendar where every day is a working day: its steps a day apart or so. */
	static final SupervisionLadder EVERY_DAY = new SupervisionLadder(
			WorkingDays.of(d -> d.minusDays(1), (d, n) -> d.plusDays(n), ZoneId.of("Asia/Shanghai")), 1, 2);

	/**
	 * DESIGN.md's diagram (EVALUATED is the rating on the way from REPLIED to CLOSED or RE_HANDLING), plus what
	 * following several parts adds: HANDLING → RE_HANDLING or CLOSED when the last part still assigned returns while the
	 * others re-handle or are closed.
	 */
	static final Map<ProposalStatus, Set<ProposalStatus>> EDGES = Map.ofEntries(
			Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN)),
			Map.entry(SUBMITTED, EnumSet.of(REGISTERED, NOT_REGISTERED, WITHDRAWN)),
			Map.entry(REGISTERED, EnumSet.of(ASSIGNED)),
			Map.entry(ASSIGNED, EnumSet.of(HANDLING, RETURNED)),
			Map.entry(RETURNED, EnumSet.of(ASSIGNED)),
			Map.entry(HANDLING, EnumSet.of(REPLIED, RE_HANDLING, CLOSED)),
			Map.entry(REPLIED, EnumSet.of(CLOSED, RE_HANDLING)),
			Map.entry(RE_HANDLING, EnumSet.of(REPLIED)),
			Map.entry(WITHDRAWN, EnumSet.noneOf(ProposalStatus.class)),
			Map.entry(NOT_REGISTERED, EnumSet.noneOf(ProposalStatus.class)),
			Map.entry(CLOSED, EnumSet.noneOf(ProposalStatus.class)));

	/** One unit's part: ASSIGNED → HANDLING → REPLIED → CLOSED, RETURNED from ASSIGNED, RE_HANDLING once. */
	static final Map<ProposalStatus, Set<ProposalStatus>> PART_EDGES = Map.ofEntries(
			Map.entry(ASSIGNED, EnumSet.of(HANDLING, RETURNED)),
			Map.entry(HANDLING, EnumSet.of(REPLIED)),
			Map.entry(REPLIED, EnumSet.of(CLOSED, RE_HANDLING)),
			Map.entry(RE_HANDLING, EnumSet.of(REPLIED)),
			Map.entry(RETURNED, EnumSet.noneOf(ProposalStatus.class)),
			Map.entry(CLOSED, EnumSet.noneOf(ProposalStatus.class)));

	enum Action {
		SUBMIT, WITHDRAW, COSIGN, REGISTER, REFUSE, ASSIGN, ASSIGN_SEPARATE_ALONE, ACCEPT, RETURN, RETURN_LATE, CONTACT,
		EXTEND, APPROVE, DENY, NOTICE, REPLY, REPLY_UNCONTACTED, FOLLOW_UP, ASSISTING_VIEW, SATISFIED, UNSATISFIED,
		SUPERVISE, KEY
	}

	/** A step; {@code unit} 0–2 names one of the assigned units, 3 a unit that holds no part. */
	record Step(Action action, int unit, ReplyClass replyClass) {
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		return Combinators.combine(Arbitraries.of(Action.class), Arbitraries.integers().between(0, 3),
				Arbitraries.of(ReplyClass.class)).as(Step::new).list().ofMinSize(1).ofMaxSize(50);
	}

	@Property(tries = 1000)
	void noSequenceLeavesTheDiagram(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 3) int parts) {
		Walk walk = new Walk(parts);
		List<Step> taken = new ArrayList<>();
		Proposal p = walk.start();
		for (Step s : steps) {
			try {
				walk.apply(p, s, taken.size());
			}
			catch (LianluoException refused) {
				assertThat(refused.status().value()).as("%s refused", s).isIn(400, 403, 409);
				p = walk.replay(taken);
				continue;
			}
			taken.add(s);
			checkDerivation(p, walk);
		}
		checkTimeline(walk.replay(taken), walk);
	}

	/** Each transition on the timeline is an edge of the diagram, they chain, and the last one is where it stands. */
	private static void checkTimeline(Proposal p, Walk walk) {
		List<ProposalTimelineEntry> entries = walk.entries;
		ProposalStatus at = null;
		for (ProposalTimelineEntry e : entries) {
			if (e.kind() == Kind.TRANSITION) {
				if (e.fromStatus() != null) {
					assertThat(EDGES.get(e.fromStatus())).as("%s -> %s", e.fromStatus(), e.toStatus()).contains(e.toStatus());
					assertThat(e.fromStatus()).isEqualTo(at);
				}
				at = e.toStatus();
			}
			if (e.kind() == Kind.UNIT_TRANSITION) {
				assertThat(PART_EDGES.get(e.fromStatus())).as("part %s -> %s", e.fromStatus(), e.toStatus())
					.contains(e.toStatus());
			}
		}
		assertThat(p.getStatus()).isEqualTo(at);
	}

	/** The proposal's status and outcome follow its parts by the named rules; deadlines run while a unit holds it. */
	private static void checkDerivation(Proposal p, Walk walk) {
		List<Part> active = p.getParts().stream().filter(s -> s.getStatus() != RETURNED).toList();
		if (!active.isEmpty()) {
			assertThat(p.getStatus()).isEqualTo(overall(active.stream().map(Part::getStatus).toList()));
			List<Handling> handlings = active.stream().map(Part::getHandling).toList();
			boolean allReplied = handlings.stream().allMatch(h -> h.getRepliedAt() != null);
			assertThat(p.getReplyClass()).isEqualTo(allReplied ? weakest(handlings.stream().map(Handling::getReplyClass).toList()) : null);
			boolean allRated = allReplied && handlings.stream().allMatch(h -> h.getGrade() != null);
			assertThat(p.getGrade()).isEqualTo(allRated ? leastSatisfied(handlings.stream().map(Handling::getGrade).toList()) : null);
			handlings.forEach(h -> assertThat(h.getRehandlingCount()).isBetween(0, Proposal.MAX_REHANDLINGS));
			active.stream().filter(s -> s.getStatus().isHandling())
				.forEach(s -> assertThat(s.getHandling().getDeadline()).isNotNull());
		}
		assertThat(p.getRehandlingCount()).isBetween(0, Proposal.MAX_REHANDLINGS);
		if (p.getStatus().isHandling()) {
			assertThat(p.getDeadline()).isNotNull();
			assertThat(p.getHandlingUnitIds()).isNotEmpty().isSubsetOf(walk.units);
		}
		if (p.getStatus().awaitsAssignment() || p.getStatus() == CLOSED) {
			assertThat(p.getStatus() == CLOSED || p.getHandlingUnitIds().isEmpty()).isTrue();
		}
	}

	/** DESIGN.md read for several parts: assigned while all are, handled while any is, replied once all have. */
	static ProposalStatus overall(List<ProposalStatus> parts) {
		if (parts.stream().allMatch(s -> s == ASSIGNED)) {
			return ASSIGNED;
		}
		if (parts.contains(ASSIGNED) || parts.contains(HANDLING)) {
			return HANDLING;
		}
		return parts.contains(RE_HANDLING) ? RE_HANDLING : parts.contains(REPLIED) ? REPLIED : CLOSED;
	}

	/** D is weakest, A strongest. */
	static ReplyClass weakest(Collection<ReplyClass> classes) {
		return classes.stream().max(Comparator.naturalOrder()).orElseThrow();
	}

	static Verdict leastSatisfied(Collection<Verdict> verdicts) {
		return verdicts.stream().max(Comparator.naturalOrder()).orElseThrow();
	}

	/** One walk: its units, its clock, and the timeline its accepted steps wrote. */
	static final class Walk {

		static final Instant START = Instant.parse("2025-03-03T02:00:00Z");

		final int parts;

		final List<UUID> units = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		final UUID outsider = UUID.randomUUID();

		final UUID assisting = UUID.randomUUID();

		final UUID cosigner = UUID.randomUUID();

		final UUID session = UUID.randomUUID();

		final UUID deputy = UUID.randomUUID();

		final List<ProposalTimelineEntry> entries = new ArrayList<>();

		Walk(int parts) {
			this.parts = parts;
		}

		Proposal start() {
			entries.clear();
			Proposal p = Proposal.draft(session, "451022", deputy, "关于修缮乡村道路的建议", "建议尽快修缮乡村道路，方便群众出行。",
					List.of(cosigner), "t", START);
			entries.addAll(p.takeNewEntries());
			return p;
		}

		Proposal replay(List<Step> taken) {
			Proposal p = start();
			for (int i = 0; i < taken.size(); i++) {
				apply(p, taken.get(i), i);
			}
			return p;
		}

		void apply(Proposal p, Step s, int index) {
			Instant now = START.plusSeconds(86_400L * (index + 1));
			Instant deadline = now.plusSeconds(86_400L * 10);
			UUID unit = s.unit() == 3 ? outsider : units.get(s.unit() % parts);
			try {
				step(p, s, unit, now, deadline);
			}
			finally {
				entries.addAll(p.takeNewEntries());
			}
		}

		private void step(Proposal p, Step s, UUID unit, Instant now, Instant deadline) {
			switch (s.action()) {
				case SUBMIT -> p.submit(true, "t", now);
				case WITHDRAW -> p.withdraw("t", now);
				case COSIGN -> p.answerCosign(cosigner, true, "t", now);
				case REGISTER -> p.register(1, now.plusSeconds(86_400L * 7), "t", now);
				case REFUSE -> p.refuseRegistration(NotRegisteredAs.LETTER, "转为来信", "t", now);
				case ASSIGN -> {
					if (parts == 1) {
						p.assign(AssignmentMode.LEAD, units.get(0), List.of(assisting), deadline, deadline.minusSeconds(86_400),
								now.plusSeconds(86_400L * 30), "t", now);
					}
					else {
						p.assignSeparately(units.subList(0, parts), deadline, deadline.minusSeconds(86_400), "t", now);
					}
				}
				case ASSIGN_SEPARATE_ALONE -> p.assign(AssignmentMode.SEPARATE, units.get(s.unit() % parts), List.of(), deadline,
						deadline.minusSeconds(86_400), null, "t", now);
				case ACCEPT -> p.accept(unit, "t", now);
				case RETURN -> p.returnForReassignment(unit, "不属本单位职责", now.plusSeconds(60), "t", now);
				case RETURN_LATE -> p.returnForReassignment(unit, "不属本单位职责", now.minusSeconds(60), "t", now);
				case CONTACT -> p.recordContact(unit, ContactMethod.PHONE, null, "t", now);
				case EXTEND -> p.requestExtension(unit, 3, "需要协调", "t", now);
				case APPROVE -> p.decideExtension(named(p, unit), true, deadline.plusSeconds(86_400L * 90), deadline, null, "t", now);
				case DENY -> p.decideExtension(named(p, unit), false, null, null, null, "t", now);
				case NOTICE -> p.recordExtensionNotice(unit, "已书面告知代表", "t", now);
				case REPLY -> p.reply(unit, s.replyClass(), "答复", false, false, "t", now);
				case REPLY_UNCONTACTED -> p.reply(unit, s.replyClass(), "答复", true, false, "t", now);
				case FOLLOW_UP -> p.followUp(unit, s.replyClass(), "已解决", "t", now);
				case ASSISTING_VIEW -> p.recordAssistingView(s.unit() == 3 ? assisting : unit, "协办意见如下", "t", now);
				case SATISFIED -> p.evaluate(named(p, unit), Verdict.SATISFIED, null, deadline, deadline, "t", now);
				case UNSATISFIED -> p.evaluate(named(p, unit), Verdict.UNSATISFIED, null, deadline, deadline, "t", now);
				case SUPERVISE -> {
					p.warnAssignmentLate(now);
					p.superviseDue(now, EVERY_DAY);
				}
				case KEY -> p.putUnderKeySupervision("乡村道路", "leader", now);
			}
		}

		/** The office and the deputy name a unit's part only when there are several. */
		private static UUID named(Proposal p, UUID unit) {
			return p.isSeparate() ? unit : null;
		}
	}
}
