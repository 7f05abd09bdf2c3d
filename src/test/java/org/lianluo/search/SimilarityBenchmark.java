package org.lianluo.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.lianluo.platform.Where;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.bench.BenchData;
import org.lianluo.search.internal.IndexedDocument;
import org.lianluo.search.internal.SearchIndex;
import org.lianluo.search.internal.SearchIndexing;
import org.lianluo.search.internal.TermStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Similar items over {@code bench.opinions} (default 1,000,000) opinions made by {@link BenchData}: each of two
 * clauses drawn from the evaluation set's texts, over the townships of the 12 counties, 30 % closed with a reply.
 * Not a test (its name keeps surefire away); run it with
 * {@code ./mvnw -B -o test -Dtest=SimilarityBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.opinions=N}.
 * It prints the rebuild's time and rate (segmentation and index writes), the index's size on disk, and the
 * latency p50/p95 of the similar items of 200 probes as the citizen's hint asks them (closed opinions only)
 * and as the triage screen asks them (all opinions), with the trivial endpoint (liveness) asked between them.
 * Every tenth probe has a near-duplicate planted in its township; the run fails if the hint or the triage
 * candidates miss one. With {@code -Dbench.keep=true} it leaves the rows; a next run with {@code -Dbench.reuse=true
 * -Dbench.keep=true -Dlianluo.embedded-db.clean=false} and the same {@code lianluo.data-dir} measures them again.
 */
@LianluoTest
class SimilarityBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The tables' owner: generated rows are deleted with the triggers off, which the application's role may not do. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	SearchIndexing indexing;

	@Autowired
	SimilarItems similar;

	@Autowired
	SearchIndex index;

	@Autowired
	TermStatistics statistics;

	@Test
	void similarItemsOverGeneratedOpinions() throws IOException, InterruptedException {
		int total = Integer.getInteger("bench.opinions", 1_000_000);
		new Api(port).as("admin", "admin-test-password");
		List<String> clauses = BenchData.clauses();
		List<String> townships = jdbc.sql("select code from region where level = 'TOWNSHIP' order by code").query(String.class).list();
		BenchData data = new BenchData(JdbcClient.create(owner), 'S');
		boolean reuse = Boolean.getBoolean("bench.reuse") && jdbc.sql("select count(*) from search_document where type = 'OPINION'")
			.query(Long.class).single() >= total;
		SearchIndexing.Rebuilt rebuilt = null;
		if (reuse) {
			// The rows of a run with -Dbench.keep=true, on its database (started with -Dlianluo.embedded-db.clean=false).
			System.out.printf("*** SIMILARITY BENCHMARK: reusing the %,d kept opinions and their index%n", total);
		}
		else {
			BenchData.Generated generated = data.generate(BenchData.Spec.of(total));
			System.out.printf("*** SIMILARITY BENCHMARK: %,d opinions generated in %.1f s%n", total, generated.seconds().get("opinion"));
			rebuilt = indexing.rebuild();
		}
		jdbc.sql("analyze search_document").update();
		statistics.refresh();
		String size = jdbc.sql("select pg_size_pretty(pg_total_relation_size('search_document'))").query(String.class).single();
		String tokensIndex = jdbc.sql("select pg_size_pretty(pg_relation_size('search_document_tokens_idx'))").query(String.class).single();
		if (!reuse) {
			System.out.printf("*** SIMILARITY BENCHMARK: rebuild of %,d opinions in %.1f s = %,.0f opinions/s%n", rebuilt.opinions(),
					rebuilt.millis() / 1000.0, rebuilt.opinions() * 1000.0 / Math.max(1, rebuilt.millis()));
		}
		System.out.printf("*** SIMILARITY BENCHMARK: index %s on disk (tokens GIN %s)%n", size, tokensIndex);

		Random random = new Random(42);
		List<Probe> probes = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String a = clauses.get(random.nextInt(clauses.size()));
			String b = clauses.get(random.nextInt(clauses.size()));
			probes.add(new Probe(a + "，" + b, townships.get(random.nextInt(townships.size())), a, b, UUID.randomUUID()));
		}
		// Every tenth probe has a near-duplicate planted in its township: its two clauses the other way round, a
		// closed opinion with a reply, so that both the hint and the triage candidates must find it.
		List<Probe> planted = probes.stream().filter(p -> probes.indexOf(p) % 10 == 0).toList();
		index.putAll(planted.stream().map(p -> new IndexedDocument(DocumentType.OPINION, p.planted(), p.region(), null, "OTHER",
				"CLOSED", true, Instant.now().minus(Duration.ofDays(3)), List.of(), null, p.second() + "。" + p.first() + "。",
				"已答复：" + p.second())).toList());

		HttpClient http = HttpClient.newHttpClient();
		HttpRequest liveness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build();
		List<Long> hint = new ArrayList<>();
		List<Long> triage = new ArrayList<>();
		List<Long> live = new ArrayList<>();
		List<String> missed = new ArrayList<>();
		for (int round = 0; round < 2; round++) { // the first round warms up, the second is measured
			hint.clear();
			triage.clear();
			live.clear();
			missed.clear();
			for (Probe p : probes) {
				long s = System.nanoTime();
				List<SimilarItems.PublicSimilar> shown = similar.forCitizen(p.text(), p.region());
				hint.add(System.nanoTime() - s);
				s = System.nanoTime();
				List<SimilarItems.Similar> found = similar.find(new SimilarItems.Probe(p.text(), p.region(), null, null, null),
						Where.any().and("d.type = 'OPINION'").and("d.status <> 'MERGED'"), 10);
				triage.add(System.nanoTime() - s);
				s = System.nanoTime();
				int status = http.send(liveness, HttpResponse.BodyHandlers.discarding()).statusCode();
				live.add(System.nanoTime() - s);
				assertThat(status).isEqualTo(200);
				if (planted.contains(p)) {
					if (found.stream().noneMatch(f -> f.id().equals(p.planted()))) {
						missed.add("triage: " + p.text());
					}
					if (shown.stream().noneMatch(f -> f.reply().equals("已答复：" + p.second()))) {
						missed.add("hint: " + p.text());
					}
				}
			}
		}
		System.out.printf("*** SIMILARITY BENCHMARK: citizen hint p50 %.1f ms p95 %.1f ms; triage candidates p50 %.1f ms p95 %.1f ms;"
				+ " liveness p50 %.1f ms p95 %.1f ms; planted near-duplicates missed %d of %d%n", percentile(hint, 50),
				percentile(hint, 95), percentile(triage, 50), percentile(triage, 95), percentile(live, 50), percentile(live, 95),
				missed.size(), 2 * planted.size());
		planted.forEach(p -> index.remove(DocumentType.OPINION, p.planted()));
		if (!Boolean.getBoolean("bench.keep")) {
			data.delete();
		}
		assertThat(missed).as("planted near-duplicates the similar items did not find").isEmpty();
	}

	private record Probe(String text, String region, String first, String second, UUID planted) {
	}

	private static double percentile(List<Long> nanos, int p) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}
}
