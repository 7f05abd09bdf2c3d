package org.lianluo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianluo.LianluoTest;
import org.lianluo.client.model.OpinionView;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 23: a client generated from the document at build time runs the whole opinion loop against the real app. */
@LianluoTest
class GeneratedClientLoopTests {

	@LocalServerPort
	int port;

	@Test
	void theGeneratedClientRunsTheWholeOpinionLoop() throws Exception {
		OpinionView closed = new ClientJourney("http://localhost:" + port).opinionLoop();
		assertThat(closed.getStatus()).hasToString("CLOSED");
		assertThat(closed.getGrade()).hasToString("SATISFIED");
	}

	@Test
	void theGeneratedClientReadsTheRegistriesAndTheReport() throws Exception {
		new ClientJourney("http://localhost:" + port).registriesAndReport();
	}
}
