package org.lianluo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lianluo.identity.Actor;
import org.lianluo.identity.Scope;
import org.lianluo.platform.Moment;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of DESIGN.md keep to their boundaries; their documentation is written under target/. The shape of
 * the house, as issue 20 left it:
 * <ul>
 * <li>each stage of a loop is a handler handed a command, the {@code Actor} who acts and the {@code Moment} it takes
 * effect: no class of the loops outside their web layer reads the caller or the time from the thread;</li>
 * <li>what both loops share (the supervision ladder, the sweep and timers, the timeline) is in
 * {@code platform.casework}, written once;</li>
 * <li>each module owns its figures, and {@code report} composes them ({@code EnumLiteralsTests});</li>
 * <li>the demo is a client of the modules like any other, and no module depends on it;</li>
 * <li>no production class is over 400 lines.</li>
 * </ul>
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(LianluoApplication.class);

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.lianluo");

	@Test
	void verifiesModuleStructure() {
		modules.verify();
	}

	/** The handlers: every class with a method that is handed a {@code Moment}. */
	private static final DescribedPredicate<JavaClass> HANDED_A_MOMENT = DescribedPredicate.describe(
			"are handed a Moment", c -> c.getMethods().stream()
				.anyMatch(m -> m.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Moment.class))));

	@Test
	void handlersAreHandedTheirCallerAndTimeAndReadNeitherFromTheThread() {
		noClasses().that(HANDED_A_MOMENT).and().resideOutsideOfPackages("..web..", "org.lianluo.demo..")
			.should().callMethod(Actor.class, "current")
			.orShould().callMethod(Scope.class, "current")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("org.lianluo.platform.HistoryClock")
			.orShould().dependOnClassesThat().haveFullyQualifiedName(
					"org.springframework.security.core.context.SecurityContextHolder")
			.because("a handler is handed the Actor and the Moment by its caller (issue 20)")
			.check(PRODUCTION);
	}

	@Test
	void noModuleDependsOnTheDemo() {
		noClasses().that().resideOutsideOfPackage("org.lianluo.demo..")
			.should().dependOnClassesThat().resideInAPackage("org.lianluo.demo..")
			.check(PRODUCTION);
	}

	@Test
	void noProductionClassIsOver400Lines() throws IOException {
		List<String> long_;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			long_ = files.filter(p -> p.toString().endsWith(".java")).filter(ModularityTests::over400).map(Path::toString)
				.sorted().toList();
		}
		assertThat(long_).as("production classes over 400 lines").isEmpty();
	}

	private static boolean over400(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count() > 400;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void writesDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation();
	}
}
