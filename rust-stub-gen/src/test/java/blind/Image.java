package blind;

/** Pixel kernels over packed ARGB int[] or 8-bit grayscale byte[] images. */
public final class Image {

    private Image() {
    }

    private static void checkSize(int length, int width, int height) {
        if (width < 0 || height < 0 || (long) width * height != length) {
            throw new IllegalArgumentException(
                    "width*height (" + width + "x" + height + ") does not match length " + length);
        }
    }

    private static int clamp255(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    /** ARGB -> 8-bit luma using integer BT.601 weights. */
    public static byte[] toGray(int[] argb, int width, int height) {
        checkSize(argb.length, width, height);
        byte[] gray = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            gray[i] = (byte) ((77 * r + 150 * g + 29 * b + 128) >> 8);
        }
        return gray;
    }

    /** Inverts RGB channels, keeps alpha. */
    public static int[] invert(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            out[i] = (argb[i] & 0xFF000000) | (~argb[i] & 0x00FFFFFF);
        }
        return out;
    }

    public static int[] adjustBrightness(int[] argb, int delta) {
        int[] out = new int[argb.length];
        int i = 0;
        for (int p : argb) {
            int a = p >>> 24;
            int r = clamp255(((p >> 16) & 0xFF) + delta);
            int g = clamp255(((p >> 8) & 0xFF) + delta);
            int b = clamp255((p & 0xFF) + delta);
            out[i++] = (a << 24) | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    public static byte[] threshold(byte[] gray, int level) {
        byte[] out = new byte[gray.length];
        for (int i = 0; i < gray.length; i++) {
            out[i] = (gray[i] & 0xFF) >= level ? (byte) 255 : 0;
        }
        return out;
    }

    public static byte[] boxBlur3x3(byte[] gray, int width, int height) {
        checkSize(gray.length, width, height);
        byte[] out = new byte[gray.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(Math.max(y + dy, 0), height - 1);
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(Math.max(x + dx, 0), width - 1);
                        sum += gray[yy * width + xx] & 0xFF;
                    }
                }
                out[y * width + x] = (byte) ((sum + 4) / 9);
            }
        }
        return out;
    }

    private static int pixelAt(byte[] gray, int width, int height, int x, int y) {
        if (x < 0) {
            x = 0;
        } else if (x >= width) {
            x = width - 1;
        }
        if (y < 0) {
            y = 0;
        } else if (y >= height) {
            y = height - 1;
        }
        return gray[y * width + x] & 0xFF;
    }

    public static byte[] sobel(byte[] gray, int width, int height) {
        checkSize(gray.length, width, height);
        byte[] out = new byte[gray.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int tl = pixelAt(gray, width, height, x - 1, y - 1);
                int tc = pixelAt(gray, width, height, x, y - 1);
                int tr = pixelAt(gray, width, height, x + 1, y - 1);
                int ml = pixelAt(gray, width, height, x - 1, y);
                int mr = pixelAt(gray, width, height, x + 1, y);
                int bl = pixelAt(gray, width, height, x - 1, y + 1);
                int bc = pixelAt(gray, width, height, x, y + 1);
                int br = pixelAt(gray, width, height, x + 1, y + 1);
                int gx = (tr + 2 * mr + br) - (tl + 2 * ml + bl);
                int gy = (bl + 2 * bc + br) - (tl + 2 * tc + tr);
                int mag = Math.abs(gx) + Math.abs(gy);
                out[y * width + x] = (byte) Math.min(mag, 255);
            }
        }
        return out;
    }

    /** Mirrors each row in place. */
    public static void flipHorizontal(int[] pixels, int width, int height) {
        checkSize(pixels.length, width, height);
        for (int y = 0; y < height; y++) {
            int left = y * width;
            int right = left + width - 1;
            while (left < right) {
                int tmp = pixels[left];
                pixels[left] = pixels[right];
                pixels[right] = tmp;
                left++;
                right--;
            }
        }
    }

    /** Rotates 90 degrees clockwise; result has dimensions height x width. */
    public static int[] rotate90(int[] pixels, int width, int height) {
        checkSize(pixels.length, width, height);
        int[] out = new int[pixels.length];
        int newWidth = height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx = height - 1 - y;
                int ny = x;
                out[ny * newWidth + nx] = pixels[y * width + x];
            }
        }
        return out;
    }

    public static int[] grayHistogram(byte[] gray) {
        int[] hist = new int[256];
        for (byte b : gray) {
            hist[b & 0xFF]++;
        }
        return hist;
    }

    public static int otsuThreshold(int[] histogram) {
        if (histogram.length != 256) {
            throw new IllegalArgumentException("histogram must have 256 bins");
        }
        long total = 0;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            total += histogram[i];
            sumAll += (double) i * histogram[i];
        }
        if (total == 0) {
            return 0;
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double bestVariance = -1;
        int best = 0;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanB = sumBackground / weightBackground;
            double meanF = (sumAll - sumBackground) / weightForeground;
            double diff = meanB - meanF;
            double between = (double) weightBackground * weightForeground * diff * diff;
            if (between > bestVariance) {
                bestVariance = between;
                best = t;
            }
        }
        return best;
    }

    /** Blends src over dst with a global alpha in [0,1]. */
    public static int[] alphaBlend(int[] src, int[] dst, float alpha) {
        if (src.length != dst.length) {
            throw new IllegalArgumentException("size mismatch");
        }
        if (Float.isNaN(alpha)) {
            throw new IllegalArgumentException("alpha is NaN");
        }
        float a = Math.max(0f, Math.min(1f, alpha));
        int[] out = new int[src.length];
        for (int i = 0; i < src.length; i++) {
            int s = src[i];
            int d = dst[i];
            int result = 0xFF000000;
            for (int shift = 0; shift <= 16; shift += 8) {
                int sc = (s >> shift) & 0xFF;
                int dc = (d >> shift) & 0xFF;
                int c = Math.round(sc * a + dc * (1f - a));
                result |= clamp255(c) << shift;
            }
            out[i] = result;
        }
        return out;
    }

    /** Halves both dimensions by averaging 2x2 blocks (odd trailing row/col dropped). */
    public static byte[] downscale2x(byte[] gray, int width, int height) {
        checkSize(gray.length, width, height);
        int w2 = width / 2;
        int h2 = height / 2;
        byte[] out = new byte[w2 * h2];
        for (int y = 0; y < h2; y++) {
            for (int x = 0; x < w2; x++) {
                int i = (2 * y) * width + 2 * x;
                int sum = (gray[i] & 0xFF) + (gray[i + 1] & 0xFF)
                        + (gray[i + width] & 0xFF) + (gray[i + width + 1] & 0xFF);
                out[y * w2 + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return out;
    }

    public static byte[] gammaCorrect(byte[] gray, double gamma) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be positive and finite");
        }
        int[] lut = new int[256];
        double inv = 1.0 / gamma;
        for (int i = 0; i < 256; i++) {
            lut[i] = (int) Math.round(255.0 * Math.pow(i / 255.0, inv));
        }
        byte[] out = new byte[gray.length];
        for (int i = 0; i < gray.length; i++) {
            out[i] = (byte) lut[gray[i] & 0xFF];
        }
        return out;
    }

    public static long sumAbsDiff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("length mismatch");
        }
        long sad = 0;
        for (int i = 0; i < a.length; i++) {
            sad += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sad;
    }

    /** Mean of the gray levels; returns 0 for an empty image. */
    public static double meanBrightness(byte[] gray) {
        if (gray.length == 0) {
            return 0.0;
        }
        long sum = 0;
        int i = 0;
        do {
            sum += gray[i] & 0xFF;
            i++;
        } while (i < gray.length);
        return (double) sum / gray.length;
    }
}
