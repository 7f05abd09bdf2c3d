package org.lianluo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.lianluo.platform.Where;
import org.junit.jupiter.api.Test;
import org.lianluo.Api;
import org.lianluo.LianluoTest;
import org.lianluo.bench.BenchData;
import org.lianluo.search.internal.SearchIndexing;
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
 * and as the triage screen asks them (all opinions).
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

	@Test
	void similarItemsOverGeneratedOpinions() throws IOException {
		int total = Integer.getInteger("bench.opinions", 1_000_000);
		new Api(port).as("admin", "admin-test-password");
		List<String> clauses = BenchData.clauses();
		List<String> townships = jdbc.sql("select code from region where level = 'TOWNSHIP' order by code").query(String.class).list();
		BenchData data = new BenchData(JdbcClient.create(owner), 'S');
		BenchData.Generated generated = data.generate(BenchData.Spec.of(total));
		System.out.printf("*** SIMILARITY BENCHMARK: %,d opinions generated in %.1f s%n", total, generated.seconds().get("opinion"));

		SearchIndexing.Rebuilt rebuilt = indexing.rebuild();
		jdbc.sql("analyze search_document").update();
		String size = jdbc.sql("select pg_size_pretty(pg_total_relation_size('search_document'))").query(String.class).single();
		String tokensIndex = jdbc.sql("select pg_size_pretty(pg_relation_size('search_document_tokens_idx'))").query(String.class).single();
		System.out.printf("*** SIMILARITY BENCHMARK: rebuild of %,d opinions in %.1f s = %,.0f opinions/s; index %s on disk (tokens GIN %s)%n",
				rebuilt.opinions(), rebuilt.millis() / 1000.0, rebuilt.opinions() * 1000.0 / Math.max(1, rebuilt.millis()), size,
				tokensIndex);

		Random random = new Random(42);
		List<Long> hint = new ArrayList<>();
		List<Long> triage = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String probe = clauses.get(random.nextInt(clauses.size())) + "，" + clauses.get(random.nextInt(clauses.size()));
			String region = townships.get(random.nextInt(townships.size()));
			long s = System.nanoTime();
			similar.forCitizen(probe, region);
			hint.add(System.nanoTime() - s);
			s = System.nanoTime();
			similar.find(new SimilarItems.Probe(probe, region, null, null, null),
					Where.any().and("d.type = 'OPINION'").and("d.status <> 'MERGED'"), 10);
			triage.add(System.nanoTime() - s);
		}
		System.out.printf("*** SIMILARITY BENCHMARK: citizen hint p50 %.1f ms p95 %.1f ms; triage candidates p50 %.1f ms p95 %.1f ms%n",
				percentile(hint, 50), percentile(hint, 95), percentile(triage, 50), percentile(triage, 95));
		data.delete();
	}

	private static double percentile(List<Long> nanos, int p) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}
}
