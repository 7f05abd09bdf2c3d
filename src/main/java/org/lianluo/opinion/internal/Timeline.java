package org.lianluo.opinion.internal;

import java.util.List;
import java.util.UUID;

import org.lianluo.opinion.OpinionStatus;
import org.lianluo.opinion.TimelineEntry;
import org.lianluo.platform.casework.CaseTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The append-only timeline of each opinion: the loops' shared {@link CaseTimeline} over {@code opinion_event}. */
@Repository
public class Timeline {

	private final CaseTimeline events;

	Timeline(JdbcTemplate jdbc) {
		this.events = new CaseTimeline(jdbc, "opinion_event", "opinion_id", "public_note", "actor_name");
	}

	public void append(List<TimelineEntry> entries) {
		events.append(entries.stream()
			.map(e -> new CaseTimeline.Row(e.id(), e.opinionId(), e.at(), e.actor(), e.kind().name(), name(e.fromStatus()),
					name(e.toStatus()), e.note(), e.message(), java.util.Arrays.asList(e.publicNote(), e.actorName())))
			.toList());
	}

	public List<TimelineEntry> of(UUID opinionId) {
		return events.of(opinionId)
			.stream()
			.map(r -> new TimelineEntry(r.id(), r.caseId(), r.at(), r.actor(), (String) r.extras().get(1),
					TimelineEntry.Kind.valueOf(r.kind()), status(r.fromStatus()), status(r.toStatus()), r.note(),
					(String) r.extras().get(0), r.message()))
			.toList();
	}

	private static String name(OpinionStatus s) {
		return s == null ? null : s.name();
	}

	private static OpinionStatus status(String s) {
		return s == null ? null : OpinionStatus.valueOf(s);
	}
}
