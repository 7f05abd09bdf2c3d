package org.lianluo.notification.web;

import org.lianluo.identity.CurrentUser;
import org.lianluo.notification.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's unread count into every screen's model, for the layout's header. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

	private final Inbox inbox;

	UnreadCountAdvice(Inbox inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute
	void addUnread(Model model) {
		CurrentUser.find().ifPresent(user -> model.addAttribute("unreadCount", inbox.unreadCount(user.id())));
	}
}
