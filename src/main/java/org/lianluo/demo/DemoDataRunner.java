package org.lianluo.demo;

import java.util.EnumSet;

import org.lianluo.identity.Actor;
import org.lianluo.identity.Role;
import org.lianluo.platform.DatabaseScope;
import org.lianluo.platform.Ids;
import org.lianluo.station.Stations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code lianluo.demo-data}: {@code auto} (the default) loads the demo set into an empty embedded
 * database — one with no stations; {@code on} loads it into any database that does not hold it yet;
 * {@code off} never does. It runs as a city-wide system user, through the registries' own checks.
 */
@Component
class DemoDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

	private final Environment env;

	private final DemoData demo;

	private final Stations stations;

	private final DemoUsers users;

	DemoDataRunner(Environment env, DemoData demo, Stations stations, DemoUsers users) {
		this.env = env;
		this.demo = demo;
		this.stations = stations;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		DatabaseScope.asSystem("demo-data", this::loadIfWanted);
	}

	private void loadIfWanted() {
		String mode = env.getProperty("lianluo.demo-data", "auto").trim().toLowerCase();
		boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
		boolean wanted = switch (mode) {
			case "on", "true" -> !demo.present();
			case "auto" -> embedded && stations.total() == 0;
			default -> false;
		};
		if (wanted) {
			log.info("Loading the Baise demo set (lianluo.demo-data={}); set it to off to start empty", mode);
			runAsCity(demo::load);
			runAsCity(() -> {
				StringBuilder list = new StringBuilder();
				users.create().forEach(u -> list.append(String.format("    %-18s %s%n", u.username(), u.displayName())));
				log.warn("\n\n  Lianluo demo: one user for every role, in the city and in 田东县, all with the password '{}':\n{}",
						DemoUsers.PASSWORD, list);
			});
		}
	}

	static void runAsCity(Runnable work) {
		Actor system = new Actor(Ids.newId(), "demo-data", "demo-data", EnumSet.of(Role.ADMIN), "451000", null, null);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null,
				AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
