package dev.oxidizer.demo.kernels;

/**
 * A 3x3 box blur over packed ARGB pixels: a true Rust candidate (nine loads and four channel sums per
 * pixel, called for every thumbnail request).
 *
 * <p>Thread-safe (no state).
 */
public final class ImageFilter {

    private ImageFilter() {
    }

    /**
     * Blurs {@code src} into {@code dst}. Pixels are row-major, {@code 0xAARRGGBB}. Each of the four
     * channels (alpha included) of output pixel (x, y) is {@code (s + 4) / 9}, rounded half up, where
     * {@code s} sums that channel over the 3x3 neighbourhood; neighbours outside the image take the
     * nearest edge pixel (clamp-to-edge). A 1x1 image is copied unchanged; a 0-pixel image is a no-op.
     *
     * @param src    the input, length {@code width * height}; not modified
     * @param dst    the output, length {@code width * height}; must not be {@code src}
     * @param width  pixels per row, {@code >= 0}
     * @param height rows, {@code >= 0}
     * @throws IllegalArgumentException if a dimension is negative, an array length is not
     *                                  {@code width * height}, or {@code dst == src}
     * @throws NullPointerException     if an array is null
     */
    public static void boxBlur3x3(int[] src, int[] dst, int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must be >= 0, got " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (src.length != pixels || dst.length != pixels) {
            throw new IllegalArgumentException("src and dst must have width*height = " + pixels
                    + " pixels, got " + src.length + " and " + dst.length);
        }
        if (src == dst) {
            throw new IllegalArgumentException("dst must not be the same array as src");
        }
        for (int y = 0; y < height; y++) {
            int up = Math.max(y - 1, 0) * width;
            int mid = y * width;
            int down = Math.min(y + 1, height - 1) * width;
            for (int x = 0; x < width; x++) {
                int left = Math.max(x - 1, 0);
                int right = Math.min(x + 1, width - 1);
                int a = 0;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int row = 0; row < 3; row++) {
                    int base = row == 0 ? up : row == 1 ? mid : down;
                    int p0 = src[base + left];
                    int p1 = src[base + x];
                    int p2 = src[base + right];
                    a += (p0 >>> 24) + (p1 >>> 24) + (p2 >>> 24);
                    r += ((p0 >>> 16) & 0xFF) + ((p1 >>> 16) & 0xFF) + ((p2 >>> 16) & 0xFF);
                    g += ((p0 >>> 8) & 0xFF) + ((p1 >>> 8) & 0xFF) + ((p2 >>> 8) & 0xFF);
                    b += (p0 & 0xFF) + (p1 & 0xFF) + (p2 & 0xFF);
                }
                dst[mid + x] = ((a + 4) / 9) << 24 | ((r + 4) / 9) << 16 | ((g + 4) / 9) << 8 | ((b + 4) / 9);
            }
        }
    }
}
