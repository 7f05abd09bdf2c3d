package org.lianluo.notification.web;

import java.util.UUID;

import org.lianluo.notification.Deliveries;
import org.lianluo.notification.DeliveryView;
import org.lianluo.platform.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/deliveries}: ADMIN's dead-letter list of SMS and e-mail, and retrying one. */
@RestController
@RequestMapping("/api/v1/admin/deliveries")
class DeliveryApi {

	private final Deliveries deliveries;

	DeliveryApi(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	Page<DeliveryView> list(@RequestParam(defaultValue = "DEAD") String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return deliveries.list(status, page, size);
	}

	@PostMapping("/{id}/retry")
	DeliveryView retry(@PathVariable UUID id) {
		return deliveries.retry(id);
	}
}
