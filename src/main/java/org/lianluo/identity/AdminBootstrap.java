package org.lianluo.identity;

import java.security.SecureRandom;

import org.lianluo.platform.DatabaseScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first administrator, {@code admin}: its password comes from {@code LIANLUO_ADMIN_PASSWORD}, or is
 * generated and printed once, when the account is created.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserManagement users;

	private final Environment env;

	AdminBootstrap(UserManagement users, Environment env) {
		this.users = users;
		this.env = env;
	}

	@Override
	public void run(ApplicationArguments args) {
		DatabaseScope.asSystem("admin-bootstrap", this::createFirstAdmin);
	}

	private void createFirstAdmin() {
		String configured = env.getProperty("LIANLUO_ADMIN_PASSWORD", env.getProperty("lianluo.admin-password"));
		String password = configured == null || configured.isBlank() ? generate() : configured;
		if (users.createAdminIfMissing(password) && (configured == null || configured.isBlank())) {
			// Printed once, on purpose: it is the only way into a new installation.
			log.warn("\n\n  Lianluo: created the first administrator 'admin' with password: {}\n"
					+ "  Change it after signing in, or set LIANLUO_ADMIN_PASSWORD.\n", password);
		}
	}

	private static String generate() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}
}
