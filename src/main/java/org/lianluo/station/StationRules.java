package org.lianluo.station;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.region.RegionNames;
import org.lianluo.station.Station.Function;
import org.lianluo.station.Station.Kind;
import org.lianluo.station.Station.Partner;
import org.lianluo.station.Station.Status;
import org.springframework.stereotype.Component;

/** Checks what staff give for a station, the same way for the API, the screens and imports. */
@Component
public class StationRules {

	static final int CHECKLIST_ITEMS = 20;

	private final RegionNames regions;

	private final Labels labels;

	private final Deputies deputies;

	StationRules(RegionNames regions, Labels labels, Deputies deputies) {
		this.regions = regions;
		this.labels = labels;
		this.deputies = deputies;
	}

	public Valid validate(StationForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		Valid valid = check(form, problems);
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return valid;
	}

	/** Collects the problems of a form; the result is only meaningful when there are none. */
	public Valid check(StationForm form, List<FieldProblem> problems) {
		String name = trim(form.name());
		if (name == null || name.length() > 100) {
			problems.add(new FieldProblem("name", "station.name.required"));
		}
		Kind kind = labels.parse(Kind.class, "station-kind", form.kind());
		if (kind == null) {
			problems.add(new FieldProblem("kind", "station.kind.invalid"));
		}
		Set<Partner> partners = all(Partner.class, "partner", form.partners(), "partners", problems);
		Set<Function> functions = all(Function.class, "station-function", form.functions(), "functions", problems);
		Status status = form.status() == null || form.status().isBlank() ? Status.ACTIVE
				: labels.parse(Status.class, "station-status", form.status());
		if (status == null) {
			problems.add(new FieldProblem("status", "station.status.invalid"));
		}
		String region = trim(form.regionCode());
		if (region == null || !regions.all().containsKey(region)) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
		}
		else if (!Scope.current().covers(region)) {
			problems.add(new FieldProblem("regionCode", "station.region.outside-scope"));
		}
		List<String> coRegions = new ArrayList<>(new LinkedHashSet<>(form.coRegionCodes() == null ? List.of()
				: form.coRegionCodes().stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
		if (coRegions.stream().anyMatch(c -> !regions.all().containsKey(c) || c.equals(region))) {
			problems.add(new FieldProblem("coRegionCodes", "station.co-regions.invalid"));
		}
		if (kind == Kind.CROSS_REGION && coRegions.isEmpty()) {
			problems.add(new FieldProblem("coRegionCodes", "station.co-regions.required"));
		}
		String address = trim(form.address());
		if (address == null || address.length() > 200) {
			problems.add(new FieldProblem("address", "station.address.required"));
		}
		String phone = trim(form.phone());
		if (phone != null && !phone.matches("[0-9+() -]{5,32}")) {
			problems.add(new FieldProblem("phone", "station.phone.invalid"));
		}
		checkPoint(form.latitude(), 90, "latitude", problems);
		checkPoint(form.longitude(), 180, "longitude", problems);
		List<UUID> roster = form.deputyIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(form.deputyIds()));
		if (!roster.isEmpty() && deputies.findAll(roster).size() != roster.size()) {
			problems.add(new FieldProblem("deputyIds", "station.deputies.missing"));
		}
		LocalDate upgradedOn = upgradedOn(form.upgradedOn(), problems);
		List<String> checklist = checklist(form.checklist(), problems);
		return new Valid(name, kind, partners, functions, region, coRegions, address, form.latitude(), form.longitude(),
				phone, limited(form.openingHours(), 100, "openingHours", problems),
				limited(form.receptionSchedule(), 200, "receptionSchedule", problems), status, roster, upgradedOn, checklist);
	}

	/** A day between 1990 and 2200, written {@code yyyy-MM-dd}; blank for none. */
	private static LocalDate upgradedOn(String text, List<FieldProblem> problems) {
		String value = trim(text);
		if (value == null) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value);
			if (day.getYear() >= 1990 && day.getYear() <= 2200) {
				return day;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below
		}
		problems.add(new FieldProblem("upgradedOn", "station.upgraded-on.invalid"));
		return null;
	}

	/** The items, one a line, each once: at most {@value #CHECKLIST_ITEMS} of at most 100 characters. */
	private static List<String> checklist(List<String> given, List<FieldProblem> problems) {
		List<String> items = new ArrayList<>(new LinkedHashSet<>((given == null ? List.<String>of() : given).stream()
			.filter(t -> t != null)
			.flatMap(t -> Arrays.stream(t.split("\\R")))
			.map(String::strip)
			.filter(t -> !t.isEmpty())
			.toList()));
		if (items.size() > CHECKLIST_ITEMS || items.stream().anyMatch(t -> t.length() > 100)) {
			problems.add(new FieldProblem("checklist", "station.checklist.invalid", CHECKLIST_ITEMS, 100));
		}
		return items;
	}

	private <E extends Enum<E>> Set<E> all(Class<E> type, String prefix, List<String> texts, String field,
			List<FieldProblem> problems) {
		Set<E> values = EnumSet.noneOf(type);
		for (String text : texts == null ? List.<String>of() : texts) {
			if (text == null || text.isBlank()) {
				continue;
			}
			E value = labels.parse(type, prefix, text);
			if (value == null) {
				problems.add(new FieldProblem(field, "station." + field + ".invalid"));
			}
			else {
				values.add(value);
			}
		}
		return values;
	}

	private static void checkPoint(BigDecimal value, int max, String field, List<FieldProblem> problems) {
		if (value != null && value.abs().compareTo(BigDecimal.valueOf(max)) > 0) {
			problems.add(new FieldProblem(field, "station.point.invalid"));
		}
	}

	private static String limited(String text, int max, String field, List<FieldProblem> problems) {
		String value = trim(text);
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "station.text.too-long", max));
		}
		return value;
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** A station that passed every check. */
	public record Valid(String name, Kind kind, Set<Partner> partners, Set<Function> functions, String regionCode,
			List<String> coRegionCodes, String address, BigDecimal latitude, BigDecimal longitude, String phone,
			String openingHours, String receptionSchedule, Status status, List<UUID> deputyIds, LocalDate upgradedOn,
			List<String> checklist) {
	}
}
