package org.lianluo.supervision.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.lianluo.deputy.Deputies;
import org.lianluo.deputy.Deputy;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.LianluoException;
import org.lianluo.platform.Moment;
import org.lianluo.platform.web.FormErrors;
import org.lianluo.supervision.ItemType;
import org.lianluo.supervision.KeySupervision;
import org.lianluo.supervision.KeySupervisions;
import org.lianluo.supervision.SupervisedItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Key supervision on screens: the list, one supervision with its instructions, invited deputies and conclusion, and
 * the panel an opinion's or a proposal's page loads (htmx) to show its supervision to the unit, or to let a leader or
 * a committee take it.
 */
@Controller
@RequestMapping("/key-supervisions")
class SupervisionScreens {

	private final KeySupervisions supervisions;

	private final Deputies deputies;

	private final FormErrors formErrors;

	private final Clock clock;

	SupervisionScreens(KeySupervisions supervisions, Deputies deputies, FormErrors formErrors, Clock clock) {
		this.supervisions = supervisions;
		this.deputies = deputies;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) KeySupervision.Status status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("page", supervisions.list(null, status, Actor.current(), Math.max(page, 0), 50));
		model.addAttribute("status", status);
		model.addAttribute("statuses", KeySupervision.Status.values());
		return "supervision/list";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		Actor user = Actor.current();
		KeySupervision k = supervisions.get(id, user);
		model.addAttribute("k", k);
		model.addAttribute("directs", supervisions.directs(k, user));
		model.addAttribute("itemVisible", supervisions.itemVisibleTo(k, user));
		model.addAttribute("item", supervisions.item(k.itemType(), k.itemId()).orElse(null));
		return "supervision/detail";
	}

	/** The panel on an item's page: its supervisions the caller may see, and the form to take it. */
	@GetMapping("/panel")
	String panel(@RequestParam ItemType itemType, @RequestParam UUID itemId, Model model) {
		Actor user = Actor.current();
		List<KeySupervision> shown = supervisions.list(itemId, null, user, 0, 20).items();
		model.addAttribute("supervisions", shown);
		SupervisedItem item = supervisions.item(itemType, itemId).orElse(null);
		boolean open = shown.stream().anyMatch(k -> k.status() == KeySupervision.Status.OPEN);
		model.addAttribute("itemType", itemType);
		model.addAttribute("itemId", itemId);
		model.addAttribute("mayTakeAsLeader", item != null && !open && user.has(Role.LEADER));
		model.addAttribute("committees", item == null || open ? List.of() : supervisions.committeesFor(item, user));
		return "supervision/panel :: panel";
	}

	@PostMapping
	String take(@RequestParam(required = false) ItemType itemType, @RequestParam(required = false) UUID itemId,
			@RequestParam(required = false) String topic, @RequestParam(required = false) UUID committeeId,
			@RequestParam(required = false) String instruction, RedirectAttributes flash) {
		try {
			KeySupervision k = supervisions.take(new KeySupervisions.Take(itemType, itemId, topic, committeeId, instruction),
					Actor.current(), Moment.live(clock));
			return "redirect:/key-supervisions/" + k.id();
		}
		catch (LianluoException ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			flash.addFlashAttribute("errors", formErrors.of(ex));
			return "redirect:" + (itemType == ItemType.OPINION ? "/opinions/" : "/proposals/") + itemId;
		}
	}

	@PostMapping("/{id}/instructions")
	String instruct(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes flash) {
		return formErrors.act("/key-supervisions/" + id, flash,
				() -> supervisions.instruct(id, text, Actor.current(), Moment.live(clock)));
	}

	/** Invites the deputy of that name (one deputy in the caller's scope). */
	@PostMapping("/{id}/deputies")
	String invite(@PathVariable UUID id, @RequestParam(required = false) String deputyName, RedirectAttributes flash) {
		Actor user = Actor.current();
		if (!supervisions.directs(supervisions.get(id, user), user)) {
			throw LianluoException.forbidden();
		}
		return formErrors.act("/key-supervisions/" + id, flash,
				() -> supervisions.invite(id, List.of(deputyNamed(deputyName)), user, Moment.live(clock)));
	}

	@PostMapping("/{id}/conclusion")
	String conclude(@PathVariable UUID id, @RequestParam(required = false) String conclusion, RedirectAttributes flash) {
		return formErrors.act("/key-supervisions/" + id, flash,
				() -> supervisions.conclude(id, conclusion, Actor.current(), Moment.live(clock)));
	}

	private UUID deputyNamed(String name) {
		if (name == null || name.isBlank()) {
			throw LianluoException.invalidField("deputyIds", "supervision.deputies.required");
		}
		List<Deputy> found = deputies.named(name);
		if (found.size() != 1) {
			throw LianluoException.invalidField("deputyIds",
					found.isEmpty() ? "supervision.deputy.unknown" : "supervision.deputy.ambiguous", name.strip());
		}
		return found.get(0).id();
	}
}
