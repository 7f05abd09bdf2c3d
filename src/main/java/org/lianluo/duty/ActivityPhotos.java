package org.lianluo.duty;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.lianluo.platform.Attachments;
import org.lianluo.platform.LianluoException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Photos of activities, kept as attachments of owner type {@value #OWNER}: a JPEG or PNG image (told by its first
 * bytes, and it must decode as an image) of at most {@value #MAX_MB} MB, with a thumbnail at most
 * {@value #THUMBNAIL} pixels wide or high made once on upload (owner type {@value #THUMBNAIL_OWNER}, owned by the
 * photo). Who may add or see one is {@link Activities}' business.
 */
@Component
public class ActivityPhotos {

	static final String OWNER = "activity";

	static final String THUMBNAIL_OWNER = "activity-thumbnail";

	static final int MAX_MB = 10;

	static final int THUMBNAIL = 240;

	/** 50 megapixels: more than any phone camera, less than what would exhaust memory while decoding. */
	static final long MAX_PIXELS = 50_000_000L;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private final Attachments attachments;

	ActivityPhotos(Attachments attachments) {
		this.attachments = attachments;
	}

	Activity.Photo store(UUID activityId, String filename, byte[] data, String actor) {
		if (data == null || data.length == 0) {
			throw LianluoException.invalidField("file", "duty.photo.empty");
		}
		if (data.length > MAX_MB * 1024 * 1024) {
			throw LianluoException.of(HttpStatus.CONTENT_TOO_LARGE, "duty.photo.too-large", MAX_MB);
		}
		if (!starts(data, PNG) && !starts(data, JPEG)) {
			throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "duty.photo.type");
		}
		BufferedImage image = decode(data);
		Attachments.Attachment photo = attachments.store(OWNER, activityId, filename, data, actor);
		attachments.store(THUMBNAIL_OWNER, photo.id(), "thumbnail.jpg", thumbnail(image), actor);
		return new Activity.Photo(photo.id(), photo.filename(), photo.contentType(), photo.size());
	}

	/** The photos of each activity, in the order they were added. */
	Map<UUID, List<Activity.Photo>> of(Collection<UUID> activityIds) {
		Map<UUID, List<Activity.Photo>> result = new LinkedHashMap<>();
		for (UUID id : activityIds) {
			List<Activity.Photo> photos = attachments.of(OWNER, id).stream()
				.map(a -> new Activity.Photo(a.id(), a.filename(), a.contentType(), a.size()))
				.toList();
			if (!photos.isEmpty()) {
				result.put(id, photos);
			}
		}
		return result;
	}

	Optional<Image> image(UUID activityId, UUID photoId, boolean thumbnail) {
		Optional<Attachments.Attachment> photo = attachments.find(photoId)
			.filter(a -> OWNER.equals(a.ownerType()) && activityId.equals(a.ownerId()));
		if (photo.isEmpty()) {
			return Optional.empty();
		}
		if (thumbnail) {
			return attachments.of(THUMBNAIL_OWNER, photoId).stream().findFirst()
				.map(t -> new Image(t.contentType(), photo.get().filename(), attachments.content(t.id())));
		}
		return Optional.of(new Image(photo.get().contentType(), photo.get().filename(), attachments.content(photoId)));
	}

	/** Decodes the image, after reading its size from the header: a small file claiming a huge image is refused. */
	private static BufferedImage decode(byte[] data) {
		try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
			java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "duty.photo.type");
			}
			javax.imageio.ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long w = reader.getWidth(0);
				long h = reader.getHeight(0);
				if (w < 1 || h < 1 || w * h > MAX_PIXELS) {
					throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "duty.photo.type");
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "duty.photo.type");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof LianluoException l) {
				throw l;
			}
			throw LianluoException.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "duty.photo.type");
		}
	}

	private static byte[] thumbnail(BufferedImage image) {
		double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(image.getWidth(), image.getHeight()));
		int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = small.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.drawImage(image, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(small, "jpeg", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static boolean starts(byte[] data, byte[] magic) {
		return data.length >= magic.length && Arrays.equals(Arrays.copyOf(data, magic.length), magic);
	}

	/** An image's bytes with its type and the photo's file name. */
	public record Image(String contentType, String filename, byte[] data) {
	}
}
