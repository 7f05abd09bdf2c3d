package org.lianluo.duty.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.lianluo.duty.Activity;
import org.lianluo.duty.ActivityIntake;
import org.lianluo.duty.NewActivity;
import org.lianluo.identity.Actor;
import org.lianluo.platform.LianluoException;
import org.lianluo.station.StationSummary;
import org.lianluo.station.Stations;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A deputy's own visit as the phone form sends it, by a plain post or from the offline queue: held by that deputy,
 * in the region of the chosen station (else the deputy's own), with the opinions heard and the photos taken.
 */
@Component
class Visits {

	private final ActivityIntake intake;

	private final Stations stations;

	Visits(ActivityIntake intake, Stations stations) {
		this.intake = intake;
		this.stations = stations;
	}

	/** The tracking codes of the opinions heard, for the registering deputy's receipt. */
	List<String> receipt(Activity visit) {
		return intake.receipt(visit);
	}

	Activity register(Actor user, String type, String title, String startAt, Integer votersReceived, String outcome,
			UUID stationId, List<String> opinions, List<MultipartFile> photos, String idempotencyKey) {
		if (user.deputyId() == null) {
			throw LianluoException.forbidden();
		}
		String region = stationId == null ? user.regionCode()
				: stations.find(stationId).map(StationSummary::regionCode).orElse(user.regionCode());
		NewActivity visit = new NewActivity(type, title, DutyScreens.time(startAt, "startAt"), null, region, stationId,
				List.of(user.deputyId()), votersReceived, null, outcome, null, null, null, null, null, null, opinions);
		return intake.register(visit, photos(photos), idempotencyKey);
	}

	private static List<ActivityIntake.NewPhoto> photos(List<MultipartFile> files) {
		List<ActivityIntake.NewPhoto> photos = new ArrayList<>();
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			if (f == null || f.isEmpty()) {
				continue;
			}
			try {
				photos.add(new ActivityIntake.NewPhoto(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return photos;
	}
}
