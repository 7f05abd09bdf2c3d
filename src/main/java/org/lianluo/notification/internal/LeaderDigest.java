package org.lianluo.notification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lianluo.identity.Actor;
import org.lianluo.identity.UserDirectory;
import org.lianluo.opinion.Light;
import org.lianluo.opinion.OpinionQueries;
import org.lianluo.opinion.OpinionQueries.Filter;
import org.lianluo.opinion.OpinionQueries.Order;
import org.lianluo.opinion.OpinionQueries.Row;
import org.lianluo.platform.Page;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leaders' daily digest: how many opinions in their scope are overdue and how many of those are under key
 * supervision, counted exactly as the leader's own overdue board counts them (the query runs as the leader).
 * One message per leader per day, whatever number of times the task runs; none when nothing is overdue.
 */
@Component
public class LeaderDigest {

	private final UserDirectory directory;

	private final OpinionQueries queries;

	private final StaffMessages staff;

	private final Clock clock;

	LeaderDigest(UserDirectory directory, OpinionQueries queries, StaffMessages staff, Clock clock) {
		this.directory = directory;
		this.queries = queries;
		this.staff = staff;
		this.clock = clock;
	}

	/** Writes today's digest for every leader; returns how many were new. */
	@Transactional
	public int send() {
		LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
		int written = 0;
		for (Actor leader : directory.leaders()) {
			int[] counts = RunAs.as(leader, this::overdueAndKey);
			if (counts[0] == 0) {
				continue;
			}
			Map<String, String> params = new LinkedHashMap<>();
			params.put("date", today.toString());
			params.put("overdue", String.valueOf(counts[0]));
			params.put("key", String.valueOf(counts[1]));
			if (staff.send("digest:" + today, leader.id(), "DIGEST", "leader-digest", params, "/opinions?light=RED")) {
				written++;
			}
		}
		return written;
	}

	private int[] overdueAndKey() {
		int overdue = 0;
		int key = 0;
		Page<Row> page;
		int n = 0;
		// Counted page by page, not from the page's total: the list counts only up to a cap.
		do {
			page = queries.list(new Filter(null, null, null, Light.RED, null, Order.DEADLINE), n++, Page.MAX_SIZE);
			overdue += page.items().size();
			key += (int) page.items().stream().filter(r -> r.supervisionLevel() >= 4).count();
		}
		while (page.items().size() == Page.MAX_SIZE);
		return new int[] { overdue, key };
	}
}
