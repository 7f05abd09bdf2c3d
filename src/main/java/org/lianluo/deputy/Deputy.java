package org.lianluo.deputy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One person who is a deputy, with their seats in congresses of any level. {@code phone} is always
 * masked here; the full number is only given by an audited reveal.
 */
public record Deputy(UUID id, String name, Gender gender, Ethnicity ethnicity, Integer birthYear,
		PoliticalAffiliation politicalAffiliation, Occupation occupation, String workplace, String title,
		String regionCode, String phone, boolean committeeMember, CommitteePosition committeePosition,
		String delegation, Set<Level> levels, List<Seat> seats) {

	public DeputySummary summary() {
		return new DeputySummary(id, name, levels, regionCode);
	}

	/** A seat in one congress: its term when known, the constituency and delegation, and its status. */
	public record Seat(UUID id, Level level, String congressRegionCode, Integer term, String constituency,
			String delegation, SeatStatus status, LocalDate startedOn, LocalDate endedOn) {
	}

	public enum Gender {
		MALE, FEMALE
	}

	public enum SeatStatus {
		ACTIVE, RESIGNED, TERMINATED
	}

	/** 常委会组成人员: the post on the standing committee. */
	public enum CommitteePosition {
		DIRECTOR, DEPUTY_DIRECTOR, SECRETARY_GENERAL, MEMBER
	}

	public enum PoliticalAffiliation {
		CPC, DEMOCRATIC_PARTY, NON_PARTY, MASSES
	}

	/** The occupation categories of deputy composition statistics. */
	public enum Occupation {
		OFFICIAL, PROFESSIONAL, WORKER, FARMER, BUSINESS, MILITARY, OTHER
	}

	/** The 56 nationalities, in the order of GB/T 3304. */
	public enum Ethnicity {
		HAN, MONGOL, HUI, ZANG, UYGHUR, MIAO, YI, ZHUANG, BUYI, CHAOXIAN, MANCHU, DONG, YAO, BAI, TUJIA, HANI,
		KAZAKH, DAI, LI, LISU, WA, SHE, GAOSHAN, LAHU, SHUI, DONGXIANG, NAXI, JINGPO, KIRGIZ, TU, DAUR, MULAO,
		QIANG, BLANG, SALAR, MAONAN, GELAO, XIBE, ACHANG, PUMI, TAJIK, NU, UZBEK, RUSSIAN, EWENKI, DEANG, BONAN,
		YUGUR, JING, TATAR, DERUNG, OROQEN, HEZHEN, MONBA, LHOBA, JINO
	}
}
