package payoff.tiles;

/** Renders one tile of a sprite atlas with a colour tint: indexes the atlas by its arguments (a constrained method). */
public final class TileRenderer {
    private TileRenderer() {}

    /**
     * Copies tile ({@code tileX}, {@code tileY}) of {@code atlas} (a {@code atlasWidth}-pixel-wide ARGB image of square
     * tiles of {@code tileSize}) into {@code out}, tinting it, and returns a checksum of the pixels written.
     */
    public static int renderTile(int[] atlas, int atlasWidth, int tileX, int tileY, int tileSize, int tint, int[] out) {
        int checksum = 17;
        int base = tileY * tileSize * atlasWidth + tileX * tileSize;
        for (int y = 0; y < tileSize; y++) {
            int row = base + y * atlasWidth;
            for (int x = 0; x < tileSize; x++) {
                int p = atlas[row + x];
                int a = p >>> 24;
                int r = ((p >>> 16) & 0xFF) * ((tint >>> 16) & 0xFF) / 255;
                int g = ((p >>> 8) & 0xFF) * ((tint >>> 8) & 0xFF) / 255;
                int b = (p & 0xFF) * (tint & 0xFF) / 255;
                int q = (a << 24) | (r << 16) | (g << 8) | b;
                out[y * tileSize + x] = q;
                checksum = 31 * checksum + q;
            }
        }
        return checksum;
    }
}
