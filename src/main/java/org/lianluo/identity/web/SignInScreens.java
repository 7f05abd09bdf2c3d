package org.lianluo.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.lianluo.identity.SignInRefused;
import org.lianluo.platform.web.FormErrors;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's {@code /login}. */
@Controller
class SignInScreens {

	private final FormErrors formErrors;

	SignInScreens(FormErrors formErrors) {
		this.formErrors = formErrors;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (request.getParameter("error") != null && session != null) {
			Object ex = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("signInError", ex instanceof SignInRefused refused
					? formErrors.of(refused.refusal()).get("_") : formErrors.text("signin.bad-credentials"));
		}
		model.addAttribute("signedOut", request.getParameter("logout") != null);
		return "identity/login";
	}
}
