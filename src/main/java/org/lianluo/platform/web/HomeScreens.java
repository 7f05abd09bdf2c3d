package org.lianluo.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page for citizens. */
@Controller
class HomeScreens {

	@GetMapping("/")
	String home() {
		return "platform/home";
	}
}
