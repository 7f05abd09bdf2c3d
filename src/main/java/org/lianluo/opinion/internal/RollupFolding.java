package org.lianluo.opinion.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the differences that the opinion table's triggers append to {@code opinion_rollup_delta} into the sums of
 * {@code opinion_rollup} (migration V21_0 says what they hold), in one statement: the differences taken are
 * deleted in the same transaction, so each is added exactly once, and a reader summing both tables sees the same
 * figures before and after. Run by db-scheduler on one node at a time, every
 * {@code lianluo.opinion.rollup-interval} (10 seconds): the differences a reader has to add up stay a few thousand
 * rows even at hundreds of changes a second.
 */
@Component
public class RollupFolding {

	private static final java.util.List<String> COUNTS = java.util.List.of("received", "assigned", "settled", "on_time",
			"rated", "satisfied", "replied", "resolved", "implemented", "closed", "closed_timed", "closed_days",
			"closed_resolved");

	/** One statement: take the differences, sum them per key, add the sums to the rollup, answer how many there were. */
	private static final String FOLD = "with d as (delete from opinion_rollup_delta returning *), "
			+ "n as (select count(*) as n from d), "
			+ "f as (insert into opinion_rollup select dimension, region_code, month, key, "
			+ String.join(", ", COUNTS.stream().map(c -> "sum(" + c + ")").toList())
			+ " from d group by dimension, region_code, month, key"
			+ " on conflict (dimension, month, region_code, key) do update set "
			+ String.join(", ", COUNTS.stream().map(c -> c + " = opinion_rollup." + c + " + excluded." + c).toList())
			+ ") select n from n";

	private final JdbcClient jdbc;

	RollupFolding(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Answers how many differences were folded. */
	@Transactional
	public int fold() {
		return jdbc.sql(FOLD).query(Integer.class).single();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> opinionRollupFold(RollupFolding folding,
				@Value("${lianluo.opinion.rollup-interval:PT10S}") Duration interval) {
			return Tasks.recurring("opinion-rollup-fold", FixedDelay.of(interval))
				.execute((instance, context) -> folding.fold());
		}
	}
}
