package org.lianluo.notification.web;

import java.util.UUID;

import org.lianluo.notification.Deliveries;
import org.lianluo.platform.LianluoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ADMIN's dead-letter screen: deliveries by status, DEAD first, each with a retry button. */
@Controller
@RequestMapping("/admin/deliveries")
class DeliveryScreens {

	private final Deliveries deliveries;

	DeliveryScreens(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "DEAD") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("deliveries", deliveries.list(status, Math.max(page, 0), 50));
		model.addAttribute("status", status);
		model.addAttribute("statuses", java.util.List.of("DEAD", "FAILED", "PENDING", "SENDING", "SENT"));
		return "notification/deliveries";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable UUID id, @RequestParam(defaultValue = "DEAD") String status, RedirectAttributes flash) {
		try {
			deliveries.retry(id);
			flash.addFlashAttribute("notice", "notification.delivery.retried");
		}
		catch (LianluoException ex) {
			flash.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/deliveries?status=" + (Deliveries.STATUSES.contains(status) ? status : "DEAD");
	}
}
