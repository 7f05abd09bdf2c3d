package org.lianluo.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.IndexTokenizer;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Chinese text to search terms: HanLP (index mode for documents: whole words and the words inside them; the
 * coarse mode for what staff type), a user dictionary of local names, stop words dropped, and colloquial
 * variants mapped to one word (search/synonyms.txt: 坑坑洼洼 → 破损, 娃 → 孩子), so that the same request said
 * differently shares its terms. Place names also give their short form (平马镇 → 平马).
 */
@Component
public class Segmenter {

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]");

	private static final String[] PLACE_SUFFIXES = { "街道办事处", "街道", "县", "市", "区", "镇", "乡", "村", "社区" };

	private final Map<String, String> canonical = new HashMap<>();

	private final Set<String> stopWords = new HashSet<>();

	private final Set<String> weakWords = new HashSet<>();

	private final Map<String, String> shortPlaces = new HashMap<>();

	private final Set<String> places = new HashSet<>();

	public Segmenter() {
		HanLP.Config.Normalization = true;
		HanLP.Config.ShowTermNature = true;
		read("search/synonyms.txt", line -> {
			String[] parts = line.split("[:：]", 2);
			String head = parts[0].strip();
			addWord(head);
			for (String variant : parts[1].strip().split("\\s+")) {
				canonical.put(variant, head);
				addWord(variant);
			}
		});
		read("search/stopwords.txt", line -> stopWords.addAll(List.of(line.strip().split("\\s+"))));
		read("search/weakwords.txt", line -> weakWords.addAll(List.of(line.strip().split("\\s+"))));
	}

	/** Local names (regions, stations, units) become words; a place also gives its short form. */
	public void addPlaces(Collection<String> names) {
		for (String name : names) {
			addWord(name);
			places.add(name);
			String shortName = shortForm(name);
			if (shortName != null) {
				addWord(shortName);
				shortPlaces.put(name, shortName);
				places.add(shortName);
			}
		}
	}

	public void addNames(Collection<String> names) {
		names.forEach(Segmenter::addWord);
	}

	/** Every term of a document: whole words and the words inside them, each once, in order. */
	public List<String> documentTerms(String text) {
		return terms(IndexTokenizer.segment(prepare(text)));
	}

	/** The terms staff type into the search box: the coarse words, each once. */
	public List<String> queryTerms(String text) {
		return terms(StandardTokenizer.segment(prepare(text)));
	}

	/**
	 * How much a shared term says about the matter: generic words little, long words more. Place names little
	 * too: the same place is scored on its own, and two requests from one township are often about different things.
	 */
	public double weight(String term) {
		if (weakWords.contains(term) || places.contains(term)) {
			return 0.25;
		}
		return term.codePointCount(0, term.length()) == 1 ? 0.6 : term.length() == 2 ? 1.0 : 1.3;
	}

	/** The text without mobile or ID numbers: nothing personal enters the index. */
	public static String withoutPersonalData(String text) {
		if (text == null) {
			return "";
		}
		return ID_NUMBER.matcher(MOBILE.matcher(text).replaceAll(m -> org.lianluo.platform.PersonalData.mask(m.group())))
			.replaceAll("******************");
	}

	private static String prepare(String text) {
		return withoutPersonalData(text).toLowerCase(Locale.ROOT);
	}

	private List<String> terms(List<Term> segmented) {
		Set<String> out = new LinkedHashSet<>();
		for (Term t : segmented) {
			String word = NOT_WORD.matcher(t.word).replaceAll("");
			if (word.isEmpty() || word.contains("*") || stopWords.contains(word)) {
				continue;
			}
			String c = canonical.getOrDefault(word, word);
			if (stopWords.contains(c)) {
				continue;
			}
			out.add(c);
			String shortName = shortPlaces.get(c);
			if (shortName != null) {
				out.add(shortName);
			}
		}
		return new ArrayList<>(out);
	}

	private static String shortForm(String name) {
		for (String suffix : PLACE_SUFFIXES) {
			if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
				return name.substring(0, name.length() - suffix.length());
			}
		}
		return null;
	}

	private static void addWord(String word) {
		if (word != null && word.length() > 1 && !CustomDictionary.contains(word)) {
			CustomDictionary.add(word);
		}
	}

	private static void read(String resource, java.util.function.Consumer<String> line) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
