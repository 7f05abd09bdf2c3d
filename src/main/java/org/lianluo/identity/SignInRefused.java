package org.lianluo.identity;

import org.lianluo.platform.LianluoException;
import org.springframework.security.core.AuthenticationException;

/** A refused form sign-in: carries the message key to the sign-in page, which words it in the reader's language. */
public class SignInRefused extends AuthenticationException {

	private final transient LianluoException refusal;

	SignInRefused(LianluoException refusal) {
		super(refusal.messageKey());
		this.refusal = refusal;
	}

	public LianluoException refusal() {
		return refusal;
	}
}
