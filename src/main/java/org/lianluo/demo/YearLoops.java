package org.lianluo.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lianluo.consultation.Comment;
import org.lianluo.consultation.Consultation;
import org.lianluo.consultation.Consultations;
import org.lianluo.deputy.Level;
import org.lianluo.deputy.Session;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.opinion.Category;
import org.lianluo.opinion.Channel;
import org.lianluo.opinion.Grade;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionKind;
import org.lianluo.opinion.OfficeReview;
import org.lianluo.opinion.OpinionIntake;
import org.lianluo.opinion.OpinionTriage;
import org.lianluo.opinion.Rating;
import org.lianluo.opinion.ReplyResult;
import org.lianluo.opinion.Submission;
import org.lianluo.opinion.TriageDecision;
import org.lianluo.opinion.UnitHandling;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.AssignmentMode;
import org.lianluo.proposal.ContactMethod;
import org.lianluo.proposal.Proposal;
import org.lianluo.platform.Moment;
import org.lianluo.proposal.ProposalCommands;
import org.lianluo.proposal.ReplyClass;
import org.lianluo.proposal.UpwardProposals;
import org.lianluo.proposal.Verdict;
import org.lianluo.region.Region;
import org.lianluo.station.Station;
import org.lianluo.unit.HandlingUnit;
import static org.lianluo.demo.DemoYear.*;

/** The demo year's two loops: opinions through every route, comments on the drafts, proposals and upward ones. */
final class YearLoops extends YearDuty {

	YearLoops(YearServices services, DemoWords words, Registry registry) {
		super(services, words, registry);
	}

	// --- opinions through every route of the loop

	void opinions() {
		record Planned(Instant at, Region township, boolean countyLevel) {
		}
		List<Planned> planned = new ArrayList<>();
		for (int i = 0; i < OPINIONS; i++) {
			Region township = township();
			planned.add(new Planned(time(day(), words.between(8, 17)).toInstant().plus(words.between(0, 59), ChronoUnit.MINUTES),
					township, words.chance(0.08)));
		}
		planned.sort(Comparator.comparing(Planned::at));
		Map<String, UUID> primaries = new HashMap<>();
		int disputes = 0;
		for (Planned p : planned) {
			Category category = words.weighted(CATEGORIES, CATEGORY_WEIGHTS);
			Channel channel = words.weighted(CHANNELS, 30, 20, 22, 14, 9, 5);
			String townshipCode = p.township().code();
			String region = p.countyLevel() ? townshipCode.substring(0, 6) : townshipCode;
			Station station = channel == Channel.STATION_RECEPTION || channel == Channel.STATION_QR
					? townshipStation.get(townshipCode) : null;
			List<UUID> received = switch (channel) {
				case STATION_RECEPTION, DEPUTY_VISIT, PUBLIC_MEETING -> locals(townshipCode, 1, 2);
				default -> List.of();
			};
			boolean anonymous = words.chance(0.08);
			String name = anonymous ? null : words.chance(0.7) ? citizenName() : null;
			String phone = !anonymous && words.chance(0.12) ? phone() : null;
			OpinionKind kind = category == Category.DISPUTE ? OpinionKind.HELP
					: words.weighted(List.of(OpinionKind.values()), 60, 14, 16, 8, 2);
			String content = opinionText(category, townshipCode);
			boolean portal = channel == Channel.PORTAL || channel == Channel.STATION_QR;
			Submission s = new Submission(content, region, station == null ? null : station.id(), kind, category, name,
					phone, anonymous, channel, p.at(), received);
			OpinionIntake.Submit submit = new OpinionIntake.Submit(s, null);
			Opinion o = step(p.at(), office, m -> portal ? opinions.intake().fromCitizen(submit, m)
					: opinions.intake().fromStaff(submit, office, m));
			opinionCount++;
			Instant t = p.at().plus(words.between(4, 48), ChronoUnit.HOURS);
			String key = townshipCode + category;
			Consultation open = openDraft(t);
			double route = wordsDouble();
			if (category == Category.DISPUTE) {
				disputes++;
				assign(o, t, category, region, disputesResolved < DISPUTES_RESOLVED - DISPUTES_AT_STATIONS);
			}
			else if (route < 0.055 && primaries.containsKey(key)) {
				UUID primary = primaries.get(key);
				triage(o, t, new TriageDecision.Merge(primary));
			}
			else if (route < 0.085) {
				triage(o, t, new TriageDecision.Reject(words.get("reject"), words.get("referral")));
			}
			else if (route < 0.11 && !received.isEmpty()) {
				toProposal(o, t, received.get(0));
			}
			else if (route < 0.15 && open != null) {
				int article = words.between(1, open.articles().size());
				triage(o, t, new TriageDecision.ToConsultation(open.id(), article));
				opinionComments++;
			}
			else if (route < 0.32) {
				triage(o, t, new TriageDecision.Answer(words.get("answer")));
				if (words.chance(0.5)) {
					implemented(o.getId(), t.plus(words.between(10, 60), ChronoUnit.DAYS));
				}
			}
			else {
				UUID id = assign(o, t, category, region, false);
				primaries.putIfAbsent(key, id);
			}
		}
		if (disputesResolved != DISPUTES_RESOLVED - DISPUTES_AT_STATIONS) {
			throw new IllegalStateException("the demo year drew " + disputes + " disputes, fewer than the "
					+ (DISPUTES_RESOLVED - DISPUTES_AT_STATIONS) + " it resolves");
		}
	}

	/** A uniform draw from 0 (inclusive) to 1 (exclusive) from the year's words, to choose an opinion's route by. */
	double wordsDouble() {
		return words.between(0, 9_999) / 10_000.0;
	}

	/**
	 * Assigned to the unit of its subject, accepted, replied, reviewed and fed back, rated by the citizen or by the
	 * office's phone call (an unsatisfied one goes round once more), and most of those solved or planned marked as
	 * implemented. A few replied in the last days of the year still wait for the office's review.
	 */
	UUID assign(Opinion o, Instant start, Category category, String region, boolean resolveDispute) {
		HandlingUnit unit = unitFor(category, region);
		Actor handler = handlers.computeIfAbsent(unit.id(),
				u -> user("demo-unit-" + handlers.size(), EnumSet.of(Role.UNIT_HANDLER), unit.regionCode(), u, null));
		UUID id = o.getId();
		Instant t = start;
		triage(o, t, new TriageDecision.Assign(unit.id(), List.of()));
		t = t.plus(words.between(2, 30), ChronoUnit.HOURS);
		step(t, handler, m -> opinions.unit().accept(new UnitHandling.Accept(id), handler, m));
		ReplyResult result = category == Category.DISPUTE
				? (resolveDispute ? ReplyResult.RESOLVED : words.chance(0.5) ? ReplyResult.EXPLAINED : ReplyResult.PLANNED)
				: words.weighted(List.of(ReplyResult.values()), 62, 26, 12);
		t = t.plus(words.between(3, o.getKind() == OpinionKind.URGENT ? 3 : 25), ChronoUnit.DAYS);
		step(t, handler, m -> opinions.unit().reply(new UnitHandling.Reply(id, result, words.get("reply." + result.name())), handler, m));
		if (t.isAfter(LocalDate.of(YEAR, 12, 24).atStartOfDay(ZONE).toInstant()) && category != Category.DISPUTE) {
			return id;
		}
		t = t.plus(words.between(1, 3), ChronoUnit.DAYS);
		step(t, office, m -> opinions.office().review(new OfficeReview.Review(id, true, null), office, m));
		Grade grade = resolveDispute ? Grade.SATISFIED
				: words.weighted(List.of(Grade.values()), result == ReplyResult.EXPLAINED ? 60 : 80, 16, 4);
		t = t.plus(words.between(1, 5), ChronoUnit.DAYS);
		rate(o, t, grade);
		if (grade == Grade.UNSATISFIED) {
			t = t.plus(words.between(1, 3), ChronoUnit.DAYS);
			step(t, handler, m -> opinions.unit().accept(new UnitHandling.Accept(id), handler, m));
			ReplyResult again = category == Category.DISPUTE ? ReplyResult.EXPLAINED
					: words.chance(0.7) ? ReplyResult.RESOLVED : ReplyResult.PLANNED;
			t = t.plus(words.between(5, 15), ChronoUnit.DAYS);
			step(t, handler, m -> opinions.unit().reply(new UnitHandling.Reply(id, again, words.get("reply." + again.name())), handler, m));
			t = t.plus(1, ChronoUnit.DAYS);
			step(t, office, m -> opinions.office().review(new OfficeReview.Review(id, true, null), office, m));
			t = t.plus(words.between(1, 5), ChronoUnit.DAYS);
			rate(o, t, Grade.BASICALLY_SATISFIED);
			if (words.chance(0.8)) {
				implemented(id, t.plus(words.between(10, 60), ChronoUnit.DAYS));
			}
		}
		else if (result != ReplyResult.EXPLAINED && words.chance(0.95)) {
			implemented(id, t.plus(words.between(10, 60), ChronoUnit.DAYS));
		}
		if (resolveDispute) {
			disputesResolved++;
		}
		return id;
	}

	void rate(Opinion o, Instant t, Grade grade) {
		if (o.getSubmitterPhoneEnc() != null) {
			at(t, () -> opinions.rating().byCitizen(new Rating.ByCitizen(o.getTrackingCode(),
					opinions.rating().ratingKey(o.getId()), grade, null), Moment.replay(t)));
		}
		else {
			step(t, office, m -> opinions.rating().byPhone(new Rating.ByPhone(o.getId(), grade, null), office, m));
		}
	}

	void implemented(UUID id, Instant t) {
		step(t, office, m -> opinions.office().markImplemented(new OfficeReview.MarkImplemented(id, words.get("implemented")),
				office, m));
		implemented++;
	}

	void triage(Opinion o, Instant t, TriageDecision decision) {
		step(t, office, m -> opinions.triage().triage(new OpinionTriage.Triage(o.getId(), decision, null, null, null), office, m));
	}

	/** The deputy who received it drafts a proposal for the next session from it (转化为代表建议). */
	void toProposal(Opinion o, Instant t, UUID deputy) {
		String region = deputyRegion.get(deputy);
		Level level = level(deputy);
		Session next = congresses.findSession(level, level.congressRegion(region), level == Level.TOWNSHIP ? 0 : term(level),
				Session.Kind.PLENARY, sessionAfter(t)).orElse(null);
		if (next == null) {
			triage(o, t, new TriageDecision.Answer(words.get("answer")));
			return;
		}
		Actor d = user("demo-deputy", EnumSet.of(Role.DEPUTY), region, null, deputy);
		String title = java.text.MessageFormat.format(words.pick(List.of(words.get("proposal.title").split(";"))),
				words.pick(themes), place(region.substring(0, 6)));
		at(t, () -> as(d, () -> proposals.draft(new ProposalCommands.DraftFromOpinion(o.getId(), next.id(), title, null),
				d, Moment.replay(t))));
	}

	// --- comments on the drafts

	void comments() {
		List<String> texts = List.of(words.get("comment").split(";"));
		List<Station> atStations = new ArrayList<>(townshipStation.values());
		atStations.sort(Comparator.comparing(Station::regionCode));
		int wanted = DRAFT_COMMENTS - opinionComments;
		List<UUID> spam = new ArrayList<>();
		for (int i = 0; i < wanted + HIDDEN_COMMENTS; i++) {
			Consultation c = drafts.get(i % drafts.size());
			long days = ChronoUnit.DAYS.between(c.opensOn(), c.closesOn());
			Instant t = time(c.opensOn().plusDays(words.between(0, (int) days)), words.between(8, 20)).toInstant();
			int article = words.between(1, c.articles().size());
			if (i >= wanted) {
				spam.add(at(t, () -> consultations.comment(c.id(), new Consultations.NewComment(null,
						words.get("comment.spam"), null, null))).id());
			}
			else if (words.chance(0.55)) {
				Station s = words.pick(atStations);
				at(t, () -> as(office, () -> consultations.commentAtStation(c.id(),
						new Consultations.NewComment(article, words.pick(texts), null, null), s.id())));
				commentCount++;
			}
			else {
				String name = words.chance(0.6) ? citizenName() : null;
				String phone = words.chance(0.3) ? phone() : null;
				at(t, () -> consultations.comment(c.id(), new Consultations.NewComment(article, words.pick(texts), name, phone)));
				commentCount++;
			}
		}
		for (UUID id : spam) {
			Comment hidden = as(office, () -> consultations.hide(id, "广告"));
			if (!hidden.hidden()) {
				throw new IllegalStateException("a spam comment was not hidden");
			}
		}
		commentCount += opinionComments;
	}

	Consultation openDraft(Instant t) {
		LocalDate day = t.atZone(ZONE).toLocalDate();
		return drafts.stream().filter(c -> !day.isBefore(c.opensOn()) && !day.isAfter(c.closesOn())).findFirst().orElse(null);
	}

	// --- the proposals of the 市五届人大六次会议, and the delegation's to the 自治区 congress

	void proposals() {
		Session session = congresses.findSession(Level.CITY, "451000", 5, Session.Kind.PLENARY, 6).orElseThrow();
		List<HandlingUnit> cityUnits = unitList.stream()
			.filter(u -> u.regionCode().equals("451000") && u.kind() == HandlingUnit.Kind.GOVERNMENT_DEPARTMENT)
			.toList();
		List<String> titles = List.of(words.get("proposal.title").split(";"));
		Set<String> used = new HashSet<>();
		for (int i = 0; i < PROPOSALS; i++) {
			UUID lead = cityDeputies.get((i * 7) % cityDeputies.size());
			Actor deputy = user("demo-deputy", EnumSet.of(Role.DEPUTY), deputyRegion.get(lead), null, lead);
			String theme;
			String title;
			do {
				theme = words.pick(themes);
				title = java.text.MessageFormat.format(words.pick(titles), theme, words.pick(registry.counties()).name());
			}
			while (!used.add(title));
			String content = words.get("proposal.content", theme);
			String t0 = title;
			Instant drafted = time(session.opensOn().plusDays(words.between(0, 2)), words.between(9, 17)).toInstant();
			Proposal p = at(drafted, () -> as(deputy, () -> proposals.draft(new ProposalCommands.Draft(session.id(),
					t0, content, List.of()), deputy, Moment.replay(drafted))));
			UUID id = p.getId();
			Instant submitted = drafted.plus(1, ChronoUnit.HOURS);
			at(submitted, () -> as(deputy, () -> proposals.take(new ProposalCommands.Submit(id), deputy, Moment.replay(submitted))));
			Instant registered = time(LocalDate.of(YEAR, 1, 15).plusDays(words.between(0, 6)), 10).toInstant();
			at(registered, () -> as(office, () -> proposals.take(new ProposalCommands.Register(id), office, Moment.replay(registered))));
			HandlingUnit unit = words.pick(cityUnits);
			Instant assigned = registered.plus(words.between(2, 8), ChronoUnit.DAYS);
			at(assigned, () -> as(office, () -> proposals.take(new ProposalCommands.Assign(id,
					AssignmentMode.SEPARATE, unit.id(), List.of(), null), office, Moment.replay(assigned))));
			Actor handler = handlers.computeIfAbsent(unit.id(),
					u -> user("demo-unit-" + handlers.size(), EnumSet.of(Role.UNIT_HANDLER), unit.regionCode(), u, null));
			Instant accepted = assigned.plus(words.between(1, 4), ChronoUnit.DAYS);
			at(accepted, () -> as(handler, () -> proposals.take(new ProposalCommands.Accept(id), handler, Moment.replay(accepted))));
			Instant contacted = accepted.plus(words.between(10, 40), ChronoUnit.DAYS);
			ContactMethod method = words.weighted(List.of(ContactMethod.values()), weights(ContactMethod.values().length));
			at(contacted, () -> as(handler, () -> proposals.take(new ProposalCommands.RecordContact(id, method, null),
					handler, Moment.replay(contacted))));
			ReplyClass replyClass = words.weighted(List.of(ReplyClass.values()), 55, 35, 8, 2);
			Instant replied = contacted.plus(words.between(10, 50), ChronoUnit.DAYS);
			String reply = words.get("proposal.reply");
			at(replied, () -> as(handler, () -> proposals.take(new ProposalCommands.Reply(id, replyClass, reply, false, false),
					handler, Moment.replay(replied))));
			Verdict verdict = words.weighted(List.of(Verdict.SATISFIED, Verdict.BASICALLY_SATISFIED), 86, 14);
			Instant rated = replied.plus(words.between(3, 20), ChronoUnit.DAYS);
			at(rated, () -> as(deputy, () -> proposals.take(new ProposalCommands.Evaluate(id, null, verdict, null), deputy,
					Moment.replay(rated))));
			proposalCount++;
		}
	}

	void upward() {
		List<String> titles = List.of(words.get("proposal.upward-title").split(";"));
		Set<String> used = new HashSet<>();
		for (int i = 0; i < UPWARD_PROPOSALS; i++) {
			String title;
			do {
				title = java.text.MessageFormat.format(words.pick(titles), words.pick(themes),
						words.pick(registry.counties()).name());
			}
			while (!used.add(title));
			String t0 = title;
			LocalDate on = LocalDate.of(YEAR, 1, 13).plusDays(words.between(0, 4));
			String number = String.valueOf(1000 + i * 13 + words.between(0, 12));
			at(on.atTime(LocalTime.of(16, 0)).atZone(ZONE).toInstant(), () -> as(office, () -> upward.record(
					new UpwardProposals.Form(words.get("proposal.upward-delegation"), "451000", Level.PROVINCIAL, t0, on,
							number))));
			upwardCount++;
		}
	}
}
