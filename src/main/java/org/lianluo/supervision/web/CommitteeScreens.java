package org.lianluo.supervision.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.identity.User;
import org.lianluo.identity.UserManagement;
import org.lianluo.opinion.Category;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.RegionNames;
import org.lianluo.region.Regions;
import org.lianluo.supervision.Committee;
import org.lianluo.supervision.CommitteeKind;
import org.lianluo.supervision.Committees;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The special committees' screens: the list of the region's committees, and the form (by the office). */
@Controller
@RequestMapping("/committees")
@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN', 'LEADER')")
class CommitteeScreens {

	private final Committees committees;

	private final UserManagement users;

	private final Regions regions;

	private final RegionNames names;

	private final FormErrors formErrors;

	CommitteeScreens(Committees committees, UserManagement users, Regions regions, RegionNames names,
			FormErrors formErrors) {
		this.committees = committees;
		this.users = users;
		this.regions = regions;
		this.names = names;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(Model model) {
		Actor user = Actor.current();
		model.addAttribute("committees", committees.list(user, 0, 200).items());
		model.addAttribute("names", names);
		model.addAttribute("canEdit", user.hasAny(List.of(Role.ASSESSOR, Role.ADMIN)));
		return "supervision/committees";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String create(Model model) {
		return form(model, null, new Form("", CommitteeKind.SPECIAL, Actor.current().regionCode(), List.of(), "", ""));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String edit(@PathVariable UUID id, Model model) {
		Committee c = committees.get(id, Actor.current());
		return form(model, id, new Form(c.name(), c.kind(), c.regionCode(), c.categories(), String.join("，", c.subjects()),
				String.join("，", c.members().stream().map(m -> String.valueOf(m.username())).toList())));
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ASSESSOR', 'ADMIN')")
	String save(@RequestParam(required = false) UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) CommitteeKind kind, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) List<String> categories, @RequestParam(required = false) String subjects,
			@RequestParam(required = false) String members, Model model) {
		Form form = new Form(name, kind, regionCode, categories == null ? List.of() : categories, subjects, members);
		try {
			Committees.CommitteeForm f = new Committees.CommitteeForm(name, kind, regionCode, form.categories(),
					words(subjects), words(members).stream().map(this::userNamed).toList());
			Actor user = Actor.current();
			Committee saved = id == null ? committees.create(f, user) : committees.update(id, f, user);
			return "redirect:/committees/" + saved.id() + "?saved";
		}
		catch (LianluoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			model.addAttribute("errors", formErrors.of(ex));
			return form(model, id, form);
		}
	}

	private UUID userNamed(String username) {
		return users.list(username, 0, 20).items().stream().filter(u -> u.username().equals(username)).map(User::id)
			.findFirst()
			.orElseThrow(() -> LianluoException.invalidField("memberIds", "supervision.committee.member", username));
	}

	private static List<String> words(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private String form(Model model, UUID id, Form form) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("kinds", CommitteeKind.values());
		model.addAttribute("allCategories", Category.values());
		model.addAttribute("regions", regions.all().stream().filter(r -> Actor.current().scope().covers(r.code())).toList());
		model.addAttribute("names", names);
		return "supervision/committee-form";
	}

	/** The form as typed: subjects and members' user names as text, separated by commas or spaces. */
	record Form(String name, CommitteeKind kind, String regionCode, List<String> categories, String subjects,
			String members) {
	}
}
