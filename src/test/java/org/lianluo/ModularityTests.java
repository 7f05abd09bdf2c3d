package org.lianluo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of DESIGN.md keep to their boundaries; their documentation is written under target/. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(LianluoApplication.class);

	@Test
	void verifiesModuleStructure() {
		modules.verify();
	}

	@Test
	void writesDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation();
	}
}
