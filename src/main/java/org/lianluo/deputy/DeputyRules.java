package org.lianluo.deputy;

import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.lianluo.deputy.Deputy.CommitteePosition;
import org.lianluo.deputy.Deputy.Ethnicity;
import org.lianluo.deputy.Deputy.Gender;
import org.lianluo.deputy.Deputy.Occupation;
import org.lianluo.deputy.Deputy.PoliticalAffiliation;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Labels;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.LianluoException.FieldProblem;
import org.lianluo.platform.PersonalData;
import org.lianluo.region.RegionNames;
import org.springframework.stereotype.Component;

/** Checks what staff give for a deputy, field by field, the same way for the API, the screens and imports. */
@Component
public class DeputyRules {

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

	private final RegionNames regions;

	private final Labels labels;

	DeputyRules(RegionNames regions, Labels labels) {
		this.regions = regions;
		this.labels = labels;
	}

	/** The checked deputy, or a refusal naming every field at fault. */
	public Valid validate(DeputyForm form, boolean creating) {
		List<FieldProblem> problems = new ArrayList<>();
		Valid valid = check(form, creating, problems);
		if (!problems.isEmpty()) {
			throw LianluoException.invalidFields(problems);
		}
		return valid;
	}

	/** Collects the problems of a form into {@code problems}; the result is only meaningful when there are none. */
	public Valid check(DeputyForm form, boolean creating, List<FieldProblem> problems) {
		String name = trim(form.name());
		if (name == null || name.length() > 32) {
			problems.add(new FieldProblem("name", "deputy.name.required"));
		}
		Gender gender = labels.parse(Gender.class, "gender", form.gender());
		if (gender == null) {
			problems.add(new FieldProblem("gender", "deputy.gender.invalid"));
		}
		Ethnicity ethnicity = optional(Ethnicity.class, "ethnicity", form.ethnicity(), "ethnicity", problems);
		PoliticalAffiliation political = optional(PoliticalAffiliation.class, "political", form.politicalAffiliation(),
				"politicalAffiliation", problems);
		Occupation occupation = optional(Occupation.class, "occupation", form.occupation(), "occupation", problems);
		CommitteePosition position = optional(CommitteePosition.class, "committee-position", form.committeePosition(),
				"committeePosition", problems);
		if (Boolean.TRUE.equals(form.committeeMember()) && position == null) {
			position = CommitteePosition.MEMBER;
		}
		if (Boolean.FALSE.equals(form.committeeMember())) {
			position = null;
		}
		Integer birthYear = form.birthYear();
		if (birthYear != null && (birthYear < 1900 || birthYear > Year.now().getValue() - 18)) {
			problems.add(new FieldProblem("birthYear", "deputy.birth-year.invalid"));
		}
		String region = trim(form.regionCode());
		if (region == null || !regions.all().containsKey(region)) {
			problems.add(new FieldProblem("regionCode", "problem.field.region"));
			region = null;
		}
		else if (!Scope.current().covers(region)) {
			problems.add(new FieldProblem("regionCode", "deputy.region.outside-scope"));
		}
		Set<Level> levels = levels(form.levels(), region, problems);
		String phone = trim(form.phone());
		if (phone != null && phone.contains("*") && !creating) {
			phone = null;
		}
		else if (phone != null && !PersonalData.isMobile(phone) && !LANDLINE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "deputy.phone.invalid"));
		}
		String workplace = limited(form.workplace(), 100, "workplace", problems);
		String title = limited(form.title(), 100, "title", problems);
		String delegation = limited(form.delegation(), 64, "delegation", problems);
		String constituency = limited(form.constituency(), 100, "constituency", problems);
		return new Valid(name, gender, ethnicity, birthYear, political, occupation, workplace, title, levels, region,
				phone, position, delegation, constituency);
	}

	private Set<Level> levels(List<String> given, String region, List<FieldProblem> problems) {
		Set<Level> levels = EnumSet.noneOf(Level.class);
		if (given == null || given.isEmpty()) {
			problems.add(new FieldProblem("levels", "deputy.levels.required"));
			return levels;
		}
		for (String text : given) {
			Level level = labels.parse(Level.class, "level", text);
			if (level == null) {
				problems.add(new FieldProblem("levels", "deputy.level.invalid"));
			}
			else if (region != null && level.congressRegion(region) == null) {
				problems.add(new FieldProblem("levels", "deputy.levels.region"));
			}
			else {
				levels.add(level);
			}
		}
		return levels;
	}

	private <E extends Enum<E>> E optional(Class<E> type, String prefix, String text, String field,
			List<FieldProblem> problems) {
		E value = labels.parse(type, prefix, text);
		if (value == null && text != null && !text.isBlank()) {
			problems.add(new FieldProblem(field, prefix.equals("committee-position") ? "deputy.committee-position.invalid"
					: "deputy." + prefix + ".invalid"));
		}
		return value;
	}

	private static String limited(String text, int max, String field, List<FieldProblem> problems) {
		String value = trim(text);
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "deputy.text.too-long", max));
		}
		return value;
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** A deputy that passed every check. */
	public record Valid(String name, Gender gender, Ethnicity ethnicity, Integer birthYear,
			PoliticalAffiliation politicalAffiliation, Occupation occupation, String workplace, String title,
			Set<Level> levels, String regionCode, String phone, CommitteePosition committeePosition, String delegation,
			String constituency) {
	}
}
