package org.lianluo.proof;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A real 2×2 PNG, for uploads that are checked by their content. */
final class Png {

	static final byte[] TINY = of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));

	private Png() {
	}

	private static byte[] of(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
