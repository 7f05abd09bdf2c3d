package org.lianluo.platform.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A timeline note in the reader's language: references named, messages looked up, the person's words after them. */
class NoteRendererTests {

	final UUID waterBureau = UUID.randomUUID();

	final StaticMessageSource messages = new StaticMessageSource();

	final NoteRenderer renderer;

	NoteRendererTests() {
		messages.addMessage("opinion.note.assigned", Locale.CHINA, "交{0}办理{1}");
		messages.addMessage("opinion.note.replied", Locale.CHINA, "{0}答复：{1}");
		messages.addMessage("opinion.result.RESOLVED", Locale.CHINA, "已解决");
		messages.addMessage("casework.note.words", Locale.CHINA, "：{0}");
		messages.addMessage("casework.note.unknown", Locale.CHINA, "（已不存在）");
		renderer = new NoteRenderer(messages,
				Map.of("unit", id -> id.equals(waterBureau.toString()) ? "田东县水利局" : null));
	}

	@Test
	void namesTheUnitAndAddsThePersonsWords() {
		Note assigned = Note.of("opinion.note.assigned", Note.ref("unit", waterBureau), Note.WORDS);
		assertThat(renderer.render(assigned, "请三日内答复", Locale.CHINA)).isEqualTo("交田东县水利局办理：请三日内答复");
		assertThat(renderer.render(assigned, null, Locale.CHINA)).isEqualTo("交田东县水利局办理");
	}

	@Test
	void looksUpMessagesAndNeverShowsAnId() {
		Note replied = Note.of("opinion.note.replied", Note.ref("unit", UUID.randomUUID()), Note.message("opinion.result.RESOLVED"));
		assertThat(renderer.render(replied, null, Locale.CHINA)).isEqualTo("（已不存在）答复：已解决");
	}

	@Test
	void anEntryWrittenBeforeNotesWereKeysShowsItsWords() {
		assertThat(renderer.render(new Note(null, null), "merged ABCDEFGHJKMNP", Locale.CHINA)).isEqualTo("merged ABCDEFGHJKMNP");
	}
}
