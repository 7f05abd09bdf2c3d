package org.lianluo.identity;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Every module's workbench panels for one user, by role in the order of {@link Role}, then by module. */
@Service
public class Workbenches {

	private final List<Workbench> modules;

	Workbenches(List<Workbench> modules) {
		this.modules = modules;
	}

	public Map<Role, List<Workbench.Panel>> of(Actor actor, LocalDate today) {
		Map<Role, List<Workbench.Panel>> byRole = new LinkedHashMap<>();
		modules.stream()
			.flatMap(m -> m.panels(actor, today).stream())
			.sorted(Comparator.comparing(Workbench.Panel::role))
			.forEach(p -> byRole.computeIfAbsent(p.role(), r -> new java.util.ArrayList<>()).add(p));
		return byRole;
	}
}
