package org.lianluo.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.Scope;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Page;
import org.lianluo.platform.Where;
import org.lianluo.region.RegionCode;
import org.lianluo.search.internal.Segmenter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Staff search over the index, always within the caller's scope (their region's subtree; a unit handler or a
 * deputy only the records they are party to): every word typed must match; hits come ranked, with a snippet
 * whose matches are marked, and with facets by type, county, category, status and year.
 */
@Service
public class Search {

	static final String VECTOR = "array_to_tsvector(string_to_array(d.tokens, ' '))";

	static final int MAX_QUERY = 200;

	private final JdbcClient jdbc;

	private final Segmenter segmenter;

	Search(JdbcClient jdbc, Segmenter segmenter) {
		this.jdbc = jdbc;
		this.segmenter = segmenter;
	}

	public Result search(Query query, int page, int size) {
		Page.check(page, size);
		String q = query.q() == null ? "" : query.q().strip();
		if (q.isEmpty() || q.length() > MAX_QUERY) {
			throw LianluoException.invalidField("q", "search.q.length", MAX_QUERY);
		}
		List<String> terms = segmenter.queryTerms(q);
		if (terms.isEmpty()) {
			return new Result(new Page<>(List.of(), page, size, 0), Facets.EMPTY, terms);
		}
		Where where = scoped(Actor.current(), query.region());
		where.and(VECTOR + " @@ cast(? as tsquery)", String.join(" & ", quoted(terms)));
		if (query.type() != null) {
			where.and("d.type = ?", query.type().name());
		}
		if (query.category() != null && !query.category().isBlank()) {
			where.and("d.category = ?", query.category());
		}
		if (query.status() != null && !query.status().isBlank()) {
			where.and("d.status = ?", query.status());
		}
		if (query.year() != null) {
			where.and("d.year = ?", query.year());
		}
		List<Object> params = new ArrayList<>(where.params());
		params.add(String.join(" | ", quoted(terms)));
		params.add(size);
		params.add((long) page * size);
		List<Hit> hits = jdbc.sql("select d.type, d.id, d.region_code, d.category, d.status, d.year, d.at, d.title, d.body,"
				+ " ts_rank(" + VECTOR + ", cast(? as tsquery)) as rank from search_document d where " + where.sql()
				+ " order by rank desc, d.at desc, d.id limit ? offset ?")
			.params(rankFirst(params))
			.query((rs, n) -> hit(rs, terms))
			.list();
		long total = jdbc.sql("select count(*) from search_document d where " + where.sql()).params(where.params())
			.query(Long.class).single();
		return new Result(new Page<>(hits, page, size, total), facets(where), terms);
	}

	/** The rank's query goes before the where clause's parameters. */
	private static List<Object> rankFirst(List<Object> params) {
		List<Object> out = new ArrayList<>();
		out.add(params.get(params.size() - 3));
		out.addAll(params.subList(0, params.size() - 3));
		out.addAll(params.subList(params.size() - 2, params.size()));
		return out;
	}

	private Facets facets(Where where) {
		return new Facets(count("d.type", where), count("substr(d.region_code, 1, 6)", where), count("d.category", where),
				count("d.status", where), count("cast(d.year as varchar)", where));
	}

	private Map<String, Long> count(String expression, Where where) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select " + expression + " as k, count(*) from search_document d where " + where.sql()
				+ " group by 1 order by 2 desc, 1 limit 20")
			.params(where.params())
			.query(rs -> {
				if (rs.getString(1) != null) {
					counts.put(rs.getString(1), rs.getLong(2));
				}
			});
		return counts;
	}

	static Where scoped(Actor user, String region) {
		if (user.roles().stream().allMatch(r -> r == Role.CITIZEN)) {
			throw LianluoException.forbidden();
		}
		Scope scope = user.scope();
		Where where = Where.any();
		where.and("d.region_code like ?", scope.narrow(region));
		if (scope.unitId() != null) {
			where.and("? = any(d.parties)", scope.unitId());
		}
		else if (scope.deputyId() != null) {
			where.and("? = any(d.parties)", scope.deputyId());
		}
		return where;
	}

	static List<String> quoted(List<String> terms) {
		return terms.stream().map(t -> "'" + t + "'").toList();
	}

	private static Hit hit(ResultSet rs, List<String> terms) throws SQLException {
		return new Hit(DocumentType.valueOf(rs.getString("type")), rs.getObject("id", UUID.class),
				rs.getString("region_code"), rs.getString("category"), rs.getString("status"), rs.getInt("year"),
				rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("title"),
				Snippet.of(rs.getString("body"), terms, 60), rs.getDouble("rank"));
	}

	/** What staff ask: words, and filters; {@code region} is narrowed to the caller's scope. */
	public record Query(String q, DocumentType type, String region, String category, String status, Integer year) {

		public Query {
			if (region != null && !region.isBlank() && !RegionCode.isValid(region.strip())) {
				throw LianluoException.invalidField("region", "problem.field.region");
			}
		}
	}

	/** One page of hits, the facets of all of them, and the words the query was cut into. */
	/** A page of hits as API.md's lists ({@code items, page, size, total} at the top), with the facets and terms. */
	public record Result(@JsonUnwrapped Page<Hit> page, Facets facets, List<String> terms) {
	}

	/** A record found: its snippet marks the matched words. */
	public record Hit(DocumentType type, UUID id, String regionCode, String category, String status, int year,
			Instant at, String title, Snippet snippet, double rank) {
	}

	/** Counts of the matching records by type, county, category, status and year. */
	public record Facets(Map<String, Long> type, Map<String, Long> county, Map<String, Long> category,
			Map<String, Long> status, Map<String, Long> year) {

		static final Facets EMPTY = new Facets(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
	}
}
