package org.lianluo.opinion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.opinion.internal.DeadlineTimers;
import org.lianluo.opinion.internal.Timeline;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.TrackingCodes;
import org.lianluo.station.Stations;
import org.springframework.stereotype.Repository;

/**
 * The opinions as the loop's handlers load and store them: only those the actor may see (else 404, as API.md
 * wants for records outside the caller's scope), and stored with their new timeline entries (signed with the
 * actor's name) and their next supervision timer.
 */
@Repository
class Opinions {

	private final OpinionStore store;

	private final Timeline timeline;

	private final DeadlineTimers timers;

	private final Stations stations;

	Opinions(OpinionStore store, Timeline timeline, DeadlineTimers timers, Stations stations) {
		this.store = store;
		this.timeline = timeline;
		this.timers = timers;
		this.stations = stations;
	}

	Optional<Opinion> byId(UUID id) {
		return store.findById(id);
	}

	Optional<Opinion> byTrackingCode(String code) {
		return store.findByTrackingCode(TrackingCodes.normalise(code));
	}

	/** An opinion the actor may see, or 404. */
	Opinion visible(UUID id, Actor actor) {
		Opinion o = store.findById(id).orElseThrow(LianluoException::notFound);
		if (!OpinionQueries.canSee(actor, o.getRegionCode(), o.getLeadUnitId(),
				o.getAssistingUnits().stream().map(Opinion.AssistingUnit::unitId).toList(), o.getDeputyIds(),
				() -> o.getStationId() != null && stations.onRoster(o.getStationId(), actor.deputyId()))) {
			throw LianluoException.notFound();
		}
		return o;
	}

	/** An opinion of the actor's own unit as its lead unit: 404 when they may not see it, 403 when another unit leads. */
	Opinion ofLeadUnit(UUID id, Actor actor) {
		Opinion o = visible(id, actor);
		if (actor.unitId() == null || !actor.unitId().equals(o.getLeadUnitId())) {
			throw LianluoException.forbidden();
		}
		return o;
	}

	/** Stores what the actor changed; {@code actor} null for the system or a citizen (their entries carry no name). */
	Opinion save(Opinion o, Actor actor) {
		List<TimelineEntry> entries = o.takeNewEntries();
		Opinion saved = store.save(o);
		timeline.append(actor == null ? entries : entries.stream()
			.map(e -> actor.username().equals(e.actor()) ? e.byName(actor.displayName()) : e)
			.toList());
		int nextLevel = saved.getSupervisionLevel() + 1;
		if (saved.getNextSupervisionAt() != null) {
			timers.set(saved.getId(), nextLevel, saved.getNextSupervisionAt());
		}
		else if (saved.getAssignedAt() != null && nextLevel <= Deadlines.MAX_LEVEL) {
			timers.cancel(saved.getId(), nextLevel);
		}
		return saved;
	}

	/** An entry on an opinion's timeline that changes nothing else (a merge noted on its primary, a file). */
	void note(TimelineEntry entry, Actor actor) {
		timeline.append(List.of(actor == null ? entry : entry.byName(actor.displayName())));
	}

	List<TimelineEntry> timeline(UUID id) {
		return timeline.of(id);
	}
}
