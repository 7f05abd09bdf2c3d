package org.lianluo.identity.web;

import java.time.LocalDate;
import java.util.List;

import org.lianluo.identity.Actor;
import org.lianluo.identity.UserManagement;
import org.lianluo.identity.Workbenches;
import org.lianluo.region.Region;
import org.lianluo.region.Regions;
import org.lianluo.region.WorkingCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.transaction.annotation.Transactional;

/** The back office's landing page: who I am, each of my roles' queues (the workbench), the coming days off. */
@Controller
class DashboardScreens {

	private final Regions regions;

	private final WorkingCalendar calendar;

	private final UserManagement users;

	private final Workbenches workbenches;

	DashboardScreens(Regions regions, WorkingCalendar calendar, UserManagement users, Workbenches workbenches) {
		this.regions = regions;
		this.calendar = calendar;
		this.users = users;
		this.workbenches = workbenches;
	}

	@Transactional(readOnly = true)
	@GetMapping("/dashboard")
	String dashboard(Model model) {
		Actor user = Actor.current();
		var scope = user.scope();
		List<Region> inScope = regions.all().stream().filter(r -> scope.covers(r.code())).toList();
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		model.addAttribute("counties", inScope.stream().filter(r -> r.level() == Region.Level.COUNTY).count());
		model.addAttribute("townships", inScope.stream().filter(r -> r.level() == Region.Level.TOWNSHIP).count());
		model.addAttribute("usersInScope", users.list(null, 0, 1).total());
		model.addAttribute("today", today);
		model.addAttribute("todayWorking", calendar.isWorkingDay(today));
		model.addAttribute("upcoming", java.util.stream.Stream.of(today.getYear(), today.getYear() + 1)
			.flatMap(y -> calendar.year(y).stream())
			.filter(d -> !d.day().isBefore(today))
			.limit(8)
			.toList());
		model.addAttribute("workbench", workbenches.of(user, today));
		return "identity/dashboard";
	}
}
