package org.lianluo.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.lianluo.search.DocumentType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code search_document} table: each record segmented here, in Java, into the tokens column
 * that PostgreSQL indexes.
 */
@Component
public class SearchIndex {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String UPSERT = """
			insert into search_document (type, id, region_code, station_id, category, status, closed, year, at, parties,
			  title, body, tokens, reply, indexed_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (type, id) do update set region_code = excluded.region_code, station_id = excluded.station_id,
			  category = excluded.category, status = excluded.status, closed = excluded.closed, year = excluded.year,
			  at = excluded.at, parties = excluded.parties, title = excluded.title, body = excluded.body,
			  tokens = excluded.tokens, reply = excluded.reply, indexed_at = excluded.indexed_at""";

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final Segmenter segmenter;

	private final Clock clock;

	SearchIndex(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Segmenter segmenter, Clock clock) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.segmenter = segmenter;
		this.clock = clock;
	}

	public void put(IndexedDocument d) {
		putAll(List.of(d));
	}

	public void putAll(List<IndexedDocument> documents) {
		Instant now = clock.instant();
		jdbcTemplate.batchUpdate(UPSERT, documents, 500, (ps, d) -> {
			String body = Segmenter.withoutPersonalData(d.body());
			String title = Segmenter.withoutPersonalData(d.title());
			String tokens = String.join(" ", segmenter.documentTerms(title + "\n" + body));
			ps.setString(1, d.type().name());
			ps.setObject(2, d.id());
			ps.setString(3, d.regionCode());
			ps.setObject(4, d.stationId());
			ps.setString(5, d.category());
			ps.setString(6, d.status());
			ps.setBoolean(7, d.closed());
			ps.setInt(8, d.at().atZone(ZONE).getYear());
			ps.setTimestamp(9, Timestamp.from(d.at()));
			ps.setArray(10, ps.getConnection().createArrayOf("uuid", d.parties().toArray()));
			ps.setString(11, title);
			ps.setString(12, body);
			ps.setString(13, tokens);
			ps.setString(14, d.reply() == null ? null : Segmenter.withoutPersonalData(d.reply()));
			ps.setTimestamp(15, Timestamp.from(now));
		});
	}

	public void remove(DocumentType type, UUID id) {
		jdbc.sql("delete from search_document where type = ? and id = ?").params(type.name(), id).update();
	}

	/** Rows not written since {@code before}: records that no longer exist, after a rebuild. */
	public int removeOlderThan(Instant before) {
		return jdbc.sql("delete from search_document where indexed_at < ?").param(Timestamp.from(before)).update();
	}

	public long size() {
		return jdbc.sql("select count(*) from search_document").query(Long.class).single();
	}
}
