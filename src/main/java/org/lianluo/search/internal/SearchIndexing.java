package org.lianluo.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.lianluo.opinion.OpinionEvents.OpinionMerged;
import org.lianluo.opinion.OpinionEvents.OpinionReceived;
import org.lianluo.opinion.OpinionEvents.OpinionStatusChanged;
import org.lianluo.opinion.OpinionEvents.OpinionUnmerged;
import org.lianluo.duty.ActivitySearchEntries;
import org.lianluo.duty.DutyEvents;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.proposal.ProposalEvents.ProposalStatusChanged;
import org.lianluo.proposal.ProposalQueries;
import org.lianluo.region.Regions;
import org.lianluo.search.DocumentType;
import org.lianluo.search.Indexing;
import org.lianluo.station.Stations;
import org.lianluo.unit.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.lianluo.platform.DatabaseScope;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the index in step with the records: on each event of the opinion and proposal loops, inside the
 * transaction of the change, the record is read again and written whole, so that the index holds exactly what was
 * committed (no second transaction, no publication to replay; a busy loop pays one segmentation and one upsert
 * per change, measured in BENCHMARKS.md). A lock per record makes the last writer the one that read last.
 * {@link #rebuild()} rewrites every row from the records. A thread inside {@link Indexing#deferred} skips the
 * per-change updates: the rebuild at its end writes them all at once.
 */
@Component
public class SearchIndexing {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private static final int BATCH = 1000;

	private final OpinionQueries opinions;

	private final ProposalQueries proposals;

	private final SearchIndex index;

	private final Segmenter segmenter;

	private final Regions regions;

	private final Stations stations;

	private final Units units;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TermStatistics statistics;

	private final ActivitySearchEntries activities;

	SearchIndexing(TermStatistics statistics, OpinionQueries opinions, ProposalQueries proposals, SearchIndex index, Segmenter segmenter,
			Regions regions, Stations stations, Units units, JdbcClient jdbc, Clock clock, ActivitySearchEntries activities) {
		this.activities = activities;
		this.statistics = statistics;
		this.opinions = opinions;
		this.proposals = proposals;
		this.index = index;
		this.segmenter = segmenter;
		this.regions = regions;
		this.stations = stations;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The local names into the dictionary once the application is up (and the segmenter warmed). */
	@EventListener(ApplicationReadyEvent.class)
	public void loadLocalNames() {
		DatabaseScope.asSystem("search-dictionary", this::loadNames);
	}

	private void loadNames() {
		long start = System.nanoTime();
		segmenter.addPlaces(regions.all().stream().map(r -> r.name()).toList());
		segmenter.addNames(Stream.iterate(0, p -> p + 1)
			.map(p -> stations.published(null, null, p, 200).items())
			.takeWhile(items -> !items.isEmpty())
			.flatMap(List::stream)
			.map(s -> s.name())
			.toList());
		segmenter.addNames(units.allNames());
		segmenter.documentTerms("百色市人大代表联络站");
		statistics.refresh();
		log.info("search dictionary loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	@EventListener
	void on(OpinionReceived event) {
		if (!Indexing.isDeferred()) {
			opinion(event.opinionId());
		}
	}

	@EventListener
	void on(OpinionStatusChanged event) {
		if (!Indexing.isDeferred()) {
			opinion(event.opinionId());
		}
	}

	@EventListener
	void on(OpinionMerged event) {
		if (!Indexing.isDeferred()) {
			opinion(event.opinionId());
		}
	}

	@EventListener
	void on(OpinionUnmerged event) {
		if (!Indexing.isDeferred()) {
			opinion(event.opinionId());
		}
	}

	@EventListener
	void on(ProposalStatusChanged event) {
		if (!Indexing.isDeferred()) {
			proposal(event.proposalId());
		}
	}

	@EventListener
	void on(DutyEvents.ActivityRecorded event) {
		if (!Indexing.isDeferred()) {
			activity(event.activityId());
		}
	}

	@Transactional
	public void activity(UUID id) {
		lock(DocumentType.ACTIVITY, id);
		activities.entry(id).ifPresentOrElse(a -> index.put(document(a)), () -> index.remove(DocumentType.ACTIVITY, id));
	}

	@Transactional
	public void opinion(UUID id) {
		lock(DocumentType.OPINION, id);
		opinions.indexEntry(id).ifPresentOrElse(o -> index.put(document(o)), () -> index.remove(DocumentType.OPINION, id));
	}

	@Transactional
	public void proposal(UUID id) {
		lock(DocumentType.PROPOSAL, id);
		proposals.indexEntry(id).ifPresentOrElse(p -> index.put(document(p)), () -> index.remove(DocumentType.PROPOSAL, id));
	}

	/**
	 * Every record written again, then rows of records that are gone removed; answers stay available meanwhile. The
	 * whole installation's work, whoever asks for it: a rebuild that saw one county's records would remove the others'.
	 */
	public Rebuilt rebuild() {
		return DatabaseScope.asSystem("search-rebuild", this::rebuildAll);
	}

	private Rebuilt rebuildAll() {
		long start = System.nanoTime();
		Instant begun = clock.instant().minusMillis(1);
		loadLocalNames();
		long opinionCount = 0;
		UUID after = null;
		for (List<OpinionQueries.IndexEntry> page; !(page = opinions.indexPage(after, BATCH)).isEmpty(); after = page.get(page.size() - 1).id()) {
			index.putAll(page.stream().map(SearchIndexing::document).toList());
			opinionCount += page.size();
		}
		long proposalCount = 0;
		after = null;
		for (List<ProposalQueries.IndexEntry> page; !(page = proposals.indexPage(after, BATCH)).isEmpty(); after = page.get(page.size() - 1).id()) {
			index.putAll(page.stream().map(SearchIndexing::document).toList());
			proposalCount += page.size();
		}
		long activityCount = 0;
		after = null;
		for (List<ActivitySearchEntries.Entry> page; !(page = activities.page(after, BATCH)).isEmpty(); after = page.get(page.size() - 1).id()) {
			index.putAll(page.stream().map(SearchIndexing::document).toList());
			activityCount += page.size();
		}
		int removed = index.removeOlderThan(begun);
		statistics.refresh();
		long millis = (System.nanoTime() - start) / 1_000_000;
		log.info("search index rebuilt: {} opinions, {} proposals, {} activities, {} stale rows removed, {} ms",
				opinionCount, proposalCount, activityCount, removed, millis);
		return new Rebuilt(opinionCount, proposalCount, activityCount, removed, millis);
	}

	/** What a rebuild did. */
	public record Rebuilt(long opinions, long proposals, long activities, int removed, long millis) {
	}

	private void lock(DocumentType type, UUID id) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(type + ":" + id).query(Object.class).single();
	}

	static IndexedDocument document(OpinionQueries.IndexEntry o) {
		String content = o.content();
		String title = content.codePointCount(0, content.length()) > 40
				? content.substring(0, content.offsetByCodePoints(0, 40)) + "…" : content;
		return new IndexedDocument(DocumentType.OPINION, o.id(), o.regionCode(), o.stationId(), o.category().name(),
				o.status().name(), o.published(), o.receivedAt(), o.parties(), title, content,
				o.published() ? o.replyText() : null);
	}

	static IndexedDocument document(ProposalQueries.IndexEntry p) {
		return new IndexedDocument(DocumentType.PROPOSAL, p.id(), p.regionCode(), null, null, p.status().name(),
				p.status().name().equals("CLOSED"), p.at(), p.parties(), p.title(), p.content(), p.replyText());
	}

	static IndexedDocument document(ActivitySearchEntries.Entry a) {
		// its type stands as its status: the search page's status facet then reads 民情沟通会, 视察, 走访 …
		return new IndexedDocument(DocumentType.ACTIVITY, a.id(), a.regionCode(), a.stationId(), null, a.type().name(), false, a.at(),
				a.parties(), a.title(), a.text(), null);
	}
}
