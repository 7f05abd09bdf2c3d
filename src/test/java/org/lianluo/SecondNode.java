package org.lianluo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another node of the application in the test's JVM, beside the test's own context and on the same database, as a
 * second server of a cluster would be. Its settings go in as command-line arguments, which win over the
 * configuration files: as default properties ({@code SpringApplicationBuilder.properties}) they would lose to them,
 * and {@code server.port=0} to application.yml's 8080, so that the node would hold port 8080. Whoever starts one
 * closes it in a {@code finally} or an after-method, so that a failing test does not leave it running.
 */
public final class SecondNode {

	private SecondNode() {
	}

	/** Starts a node with the test profile on a free port, with these settings as {@code key=value}. */
	public static ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		for (String setting : settings) {
			arguments.add("--" + setting);
		}
		return new SpringApplicationBuilder(LianluoApplication.class).profiles("test").run(arguments.toArray(String[]::new));
	}

	/** The port a node listens on. */
	public static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}
}
