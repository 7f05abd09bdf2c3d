package org.lianluo.identity.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.lianluo.identity.AuditLog;
import org.lianluo.identity.Role;
import org.lianluo.identity.UserManagement;
import org.lianluo.identity.UserManagement.UserForm;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** ADMIN's screens: users of their scope, and the security audit. */
@Controller
@RequestMapping("/admin")
class UserScreens {

	private final UserManagement users;

	private final AuditLog audit;

	private final Regions regions;

	private final FormErrors formErrors;

	UserScreens(UserManagement users, AuditLog audit, Regions regions, FormErrors formErrors) {
		this.users = users;
		this.audit = audit;
		this.regions = regions;
		this.formErrors = formErrors;
	}

	@GetMapping("/users")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("users", users.list(q, Math.max(page, 0), 50));
		model.addAttribute("q", q);
		return "identity/users";
	}

	@GetMapping("/users/new")
	String newUser(Model model) {
		return form(model, null, new UserForm("", "", "", EnumSet.noneOf(Role.class), null, null, null, true));
	}

	@GetMapping("/users/{id}")
	String edit(@PathVariable UUID id, Model model) {
		var u = users.get(id);
		return form(model, id, new UserForm(u.username(), u.displayName(), "", u.roles(), u.regionCode(), u.unitId(),
				u.deputyId(), u.enabled()));
	}

	@PostMapping("/users")
	String save(@RequestParam(required = false) UUID id, @RequestParam(defaultValue = "") String username,
			@RequestParam String displayName, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) Set<Role> roles, @RequestParam String regionCode,
			@RequestParam(required = false) UUID unitId, @RequestParam(required = false) UUID deputyId,
			@RequestParam(defaultValue = "false") boolean enabled, Model model) {
		UserForm form = new UserForm(username, displayName, password, roles == null ? Set.of() : roles, regionCode, unitId,
				deputyId, enabled);
		try {
			UUID saved = id == null ? users.create(form).id() : users.update(id, form).id();
			return "redirect:/admin/users/" + saved + "?saved";
		}
		catch (LianluoException ex) {
			model.addAttribute("errors", formErrors.of(ex));
			return form(model, id, form);
		}
	}

	@GetMapping("/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			Model model) {
		model.addAttribute("entries", audit.search(actor, action, 200));
		model.addAttribute("actions", AuditLog.Action.values());
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		return "identity/audit";
	}

	private String form(Model model, UUID id, UserForm form) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("regions", regions.all());
		return "identity/user-form";
	}
}
