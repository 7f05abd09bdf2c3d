package org.lianluo.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.platform.Where;
import org.lianluo.platform.Text;
import org.lianluo.identity.Actor;
import org.lianluo.opinion.Opinion;
import org.lianluo.opinion.OpinionManagement;
import org.lianluo.platform.LianluoException;
import org.lianluo.region.Regions;
import org.lianluo.search.internal.Segmenter;
import org.lianluo.search.internal.TermStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The same request said differently: candidates that share terms with the text (the index answers them), then
 * scored in Java by weighted term overlap, near-identical titles (pg_trgm), the same township or station, the
 * same category and nearness in time. A score of {@link #LIKELY_DUPLICATE} or more is a likely duplicate; the
 * evaluation set in the tests (SimilarityEvaluationTests) is what that threshold was set from.
 */
@Service
public class SimilarItems {

	/** At or above: "likely the same request". */
	public static final double LIKELY_DUPLICATE = 0.5;

	/** Below this nothing is shown at all. */
	static final double SHOWN = 0.2;

	static final int MAX_TERMS = 12;

	static final int MAX_TERM = 32;

	static final int MAX_TITLE = 200;

	static final int CANDIDATES = 200;

	/** The records that the rarest terms may find, at most: what bounds a query's time whatever the index's size. */
	static final int MATCHES = 4000;

	/** How many records the terms chosen to find the candidates may occur in together, by the term statistics. */
	static final int TERM_BUDGET = 4000;

	private final JdbcClient jdbc;

	private final Segmenter segmenter;

	private final OpinionManagement opinions;

	private final Regions regions;

	private final TermStatistics statistics;

	SimilarItems(JdbcClient jdbc, Segmenter segmenter, OpinionManagement opinions, Regions regions,
			TermStatistics statistics) {
		this.statistics = statistics;
		this.jdbc = jdbc;
		this.segmenter = segmenter;
		this.opinions = opinions;
		this.regions = regions;
	}

	/** Open or closed opinions the caller may see that look like this one (not itself, not merged ones). */
	public List<Similar> toOpinion(UUID id, Actor user) {
		Opinion o = opinions.get(id, user);
		Where where = Search.scoped(user, null);
		where.and("d.type = 'OPINION'").and("d.id <> ?", id).and("d.status <> 'MERGED'");
		return find(new Probe(o.getContent(), o.getRegionCode(), o.getStationId(), o.getCategory().name(), o.getReceivedAt()),
				where, 10);
	}

	/**
	 * For a citizen who is typing: opinions whose reply the office fed back (FED_BACK or CLOSED with a reply: what
	 * the published results show) that look like the text. Nothing that is open, and of each only what the
	 * published results show: category, place, the reply; the words shown are the typed words the reply holds,
	 * never words of the opinion's own content.
	 */
	public List<PublicSimilar> forCitizen(String content, String regionCode) {
		String text = content == null ? "" : content.strip();
		if (text.codePointCount(0, text.length()) < 5 || text.codePointCount(0, text.length()) > 5000) {
			throw LianluoException.invalidField("content", "search.similar.content", 5, 5000);
		}
		if (regionCode != null && !regionCode.isBlank() && !regions.exists(regionCode.strip())) {
			throw LianluoException.invalidField("regionCode", "problem.field.region");
		}
		Where where = Where.any().and("d.type = 'OPINION'").and("d.closed").and("d.reply is not null");
		Set<String> typed = new HashSet<>(segmenter.documentTerms(text));
		return find(new Probe(text, Text.blankToNull(regionCode), null, null, null), where, 5).stream()
			.map(s -> new PublicSimilar(s.score(), s.likelyDuplicate(), s.category(), s.regionCode(),
					regions.fullName(s.regionCode()), s.reply(), s.at(), wordsOfReply(typed, s.reply())))
			.toList();
	}

	/** For a deputy drafting a proposal: proposals already made (any congress's, not drafts) that look like it. */
	public List<Similar> forDraft(String title, String content) {
		Actor user = Actor.current();
		if (user.roles().stream().allMatch(r -> r == org.lianluo.identity.Role.CITIZEN)) {
			throw LianluoException.forbidden();
		}
		if (title != null && title.length() > MAX_TITLE) {
			throw LianluoException.invalidField("title", "search.similar.title", MAX_TITLE);
		}
		String text = ((title == null ? "" : title) + "\n" + (content == null ? "" : content)).strip();
		if (text.codePointCount(0, text.length()) < 2 || text.length() > 20000) {
			throw LianluoException.invalidField("content", "search.similar.content", 2, 20000);
		}
		Where where = Where.any().and("d.type = 'PROPOSAL'");
		return find(new Probe(text, null, null, null, null), where, 10);
	}

	/** The typed words that the published reply holds too, strongest first. */
	private List<String> wordsOfReply(Set<String> typed, String reply) {
		return segmenter.documentTerms(reply).stream().distinct().filter(typed::contains)
			.sorted(Comparator.comparingDouble(this::weight).reversed()).limit(8).toList();
	}

	/**
	 * The query that finds the candidates: the rarest terms, OR-ed while the records they occur in stay within the
	 * budget (in a small index that is all of them); when even the rarest is commoner than that, the two rarest
	 * together, which a near-duplicate shares too.
	 */
	private String finding(List<String> strongest) {
		List<String> byRarity = strongest.stream().sorted(Comparator.comparingInt(statistics::documentFrequency)).toList();
		List<String> quoted = Search.quoted(byRarity);
		if (quoted.size() > 1 && statistics.documentFrequency(byRarity.get(0)) > TERM_BUDGET) {
			return quoted.get(0) + " & " + quoted.get(1);
		}
		List<String> chosen = new ArrayList<>();
		long occurrences = 0;
		for (int i = 0; i < quoted.size(); i++) {
			occurrences += statistics.documentFrequency(byRarity.get(i));
			if (!chosen.isEmpty() && occurrences > TERM_BUDGET) {
				break;
			}
			chosen.add(quoted.get(i));
		}
		return String.join(" | ", chosen);
	}

	/** The scored candidates for a text, within the given conditions, best first. */
	public List<Similar> find(Probe probe, Where where, int limit) {
		List<String> terms = segmenter.documentTerms(probe.text());
		// (a "word" longer than MAX_TERM is a run of letters or digits, not a word: PostgreSQL would refuse it anyway)
		List<String> strongest = terms.stream().filter(t -> t.length() <= MAX_TERM).sorted(Comparator.comparingDouble(this::weight).reversed())
			.limit(MAX_TERMS).toList();
		if (strongest.isEmpty()) {
			return List.of();
		}
		Set<String> probeTerms = new HashSet<>(terms);
		double probeWeight = total(probeTerms);
		String ranked = String.join(" | ", Search.quoted(strongest));
		String finding = finding(strongest);
		List<Object> params = new ArrayList<>();
		params.add(probe.text().length() > 200 ? probe.text().substring(0, 200) : probe.text());
		params.add(ranked);
		params.add(finding);
		params.addAll(where.params());
		params.add(MATCHES);
		params.add(CANDIDATES);
		// Found by the rarest terms only, at most MATCHES of them, then ranked by all the strongest terms: an OR of
		// common words matched a third of a million records, all read and ranked (BENCHMARKS.md, similar items).
		List<Candidate> candidates = jdbc.sql("select d.type, d.id, d.region_code, d.station_id, d.category, d.status, d.at,"
				+ " d.title, d.tokens, d.reply, similarity(d.title, ?) as trgm, ts_rank(" + Search.VECTOR
				+ ", cast(? as tsquery)) as rank from (select * from search_document d where " + Search.VECTOR
				+ " @@ cast(? as tsquery) and " + where.sql() + " limit ?) d order by rank desc, d.at desc limit ?")
			.params(params)
			.query((rs, n) -> candidate(rs))
			.list();
		return candidates.stream()
			.map(c -> score(probe, probeTerms, probeWeight, c))
			.filter(s -> s.score() >= SHOWN)
			.sorted(Comparator.comparingDouble(Similar::score).reversed())
			.limit(limit)
			.toList();
	}

	private Similar score(Probe probe, Set<String> probeTerms, double probeWeight, Candidate c) {
		Set<String> docTerms = Set.of(c.tokens().isEmpty() ? new String[0] : c.tokens().split(" "));
		List<String> shared = probeTerms.stream().filter(docTerms::contains)
			.sorted(Comparator.comparingDouble(this::weight).reversed()).toList();
		double sharedWeight = shared.stream().mapToDouble(t -> Math.min(weightIn(probeTerms, t), weightIn(docTerms, t))).sum();
		double docWeight = total(docTerms);
		double text = probeWeight == 0 || docWeight == 0 ? 0 : sharedWeight / Math.sqrt(probeWeight * docWeight);
		double place = place(probe, c);
		boolean sameCategory = probe.category() != null && !"OTHER".equals(probe.category())
				&& probe.category().equals(c.category());
		double time = probe.at() == null ? 0.5 : nearness(probe.at(), c.at());
		double score = 0.78 * Math.max(text, c.trigram()) + 0.1 * place + 0.05 * (sameCategory ? 1 : 0) + 0.07 * time;
		score = Math.round(Math.min(1, score) * 1000) / 1000.0;
		return new Similar(c.type(), c.id(), c.regionCode(), c.category(), c.status(), c.at(), c.title(), c.reply(), score,
				score >= LIKELY_DUPLICATE, new Why(shared.stream().limit(8).toList(), place >= 1, sameCategory));
	}

	private double total(Set<String> terms) {
		return terms.stream().mapToDouble(t -> weightIn(terms, t)).sum();
	}

	/**
	 * A word inside a longer word of the same text (服务 in 政务服务中心) counts for little: the index holds both
	 * so that 班额 finds 大班额, but one compound must not count as four shared words.
	 */
	private double weightIn(Set<String> terms, String term) {
		for (String other : terms) {
			if (other.length() > term.length() && other.contains(term)) {
				return weight(term) * 0.3;
			}
		}
		return weight(term);
	}

	/** What a shared term says: how specific a word it is, times how rare it is in the index. */
	private double weight(String term) {
		return segmenter.weight(term) * statistics.idf(term);
	}

	private static double place(Probe probe, Candidate c) {
		if (probe.stationId() != null && probe.stationId().equals(c.stationId())) {
			return 1;
		}
		if (probe.regionCode() == null || c.regionCode() == null) {
			return 0;
		}
		if (probe.regionCode().equals(c.regionCode()) && probe.regionCode().length() >= 9) {
			return 1;
		}
		return probe.regionCode().length() >= 6 && c.regionCode().startsWith(probe.regionCode().substring(0, 6)) ? 0.4 : 0;
	}

	/** 1 within 30 days of each other, falling to 0 at a year. */
	private static double nearness(Instant a, Instant b) {
		long days = Math.abs(Duration.between(a, b).toDays());
		return days <= 30 ? 1 : Math.max(0, 1 - (days - 30) / 335.0);
	}

	private static Candidate candidate(ResultSet rs) throws SQLException {
		return new Candidate(DocumentType.valueOf(rs.getString("type")), rs.getObject("id", UUID.class),
				rs.getString("region_code"), rs.getObject("station_id", UUID.class), rs.getString("category"),
				rs.getString("status"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("title"),
				rs.getString("tokens"), rs.getString("reply"), rs.getDouble("trgm"));
	}


	private record Candidate(DocumentType type, UUID id, String regionCode, UUID stationId, String category,
			String status, Instant at, String title, String tokens, String reply, double trigram) {
	}

	/** The text to compare and where and when it was said (each may be unknown). */
	public record Probe(String text, String regionCode, UUID stationId, String category, Instant at) {
	}

	/** A similar record, with its score and why. */
	public record Similar(DocumentType type, UUID id, String regionCode, String category, String status, Instant at,
			String title, String reply, double score, boolean likelyDuplicate, Why why) {
	}

	/** Why it looks similar: the words shared (strongest first), the same township or station, the same category. */
	public record Why(List<String> sharedTerms, boolean samePlace, boolean sameCategory) {
	}

	/** What a citizen is shown: no code, no content, no name; the published reply. */
	public record PublicSimilar(double score, boolean likelyDuplicate, String category, String regionCode,
			String regionName, String reply, Instant at, List<String> sharedTerms) {
	}
}
