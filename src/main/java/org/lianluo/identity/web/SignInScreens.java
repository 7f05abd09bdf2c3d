package org.lianluo.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.lianluo.identity.SignInRefused;
import org.lianluo.identity.UnifiedSignInSettings;
import org.lianluo.platform.web.FormErrors;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; the form posts to Spring Security's {@code /login}. With unified sign-in configured, a button
 * above it leads to the identity platform.
 */
@Controller
class SignInScreens {

	private final FormErrors formErrors;

	private final UnifiedSignInSettings unified;

	SignInScreens(FormErrors formErrors, UnifiedSignInSettings unified) {
		this.formErrors = formErrors;
		this.unified = unified;
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
		if (unified.enabled()) {
			// the platform's own name when configured (广西统一身份认证平台), else "统一身份认证"
			model.addAttribute("unifiedSignIn", formErrors.text("login.unified",
					unified.label() != null ? unified.label() : formErrors.text("login.unified.platform")));
			model.addAttribute("unifiedSignInUrl", "/oauth2/authorization/" + UnifiedSignInSettings.REGISTRATION);
		}
		return "identity/login";
	}
}
