package org.lianluo.notification.web;

import java.util.UUID;

import org.lianluo.identity.Actor;
import org.lianluo.notification.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox screen: the signed-in user's messages, newest first; reading one opens what it is about. */
@Controller
@RequestMapping("/inbox")
class InboxScreens {

	private static final int PAGE_SIZE = 30;

	private final Inbox inbox;

	InboxScreens(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("messages", inbox.list(Actor.current().id(), unread, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("unreadOnly", unread);
		return "notification/inbox";
	}

	@PostMapping("/{id}/read")
	String read(@PathVariable UUID id, @RequestParam(required = false) String next) {
		inbox.markRead(Actor.current().id(), id);
		return "redirect:" + (next != null && (next.startsWith("/opinions/") || next.startsWith("/proposals/")) ? next : "/inbox");
	}

	@PostMapping("/read-all")
	String readAll() {
		inbox.markAllRead(Actor.current().id());
		return "redirect:/inbox";
	}
}
