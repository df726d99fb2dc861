package dev.oxidizer.demo.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageFilterTest {

    @Test
    void uniformImageStaysUniform() {
        int[] src = new int[12];
        java.util.Arrays.fill(src, 0x80FF4001);
        int[] dst = new int[12];
        ImageFilter.boxBlur3x3(src, dst, 4, 3);
        assertArrayEquals(src, dst);
    }

    @Test
    void singleBrightPixelSpreadsWithClampToEdgeAndRoundHalfUp() {
        // 3x3 image, centre pixel blue 255, others 0: every output pixel sees the centre exactly once,
        // so each gets (255 + 4) / 9 = 28 in blue.
        int[] src = new int[9];
        src[4] = 0x000000FF;
        int[] dst = new int[9];
        ImageFilter.boxBlur3x3(src, dst, 3, 3);
        int[] expected = new int[9];
        java.util.Arrays.fill(expected, 28);
        assertArrayEquals(expected, dst);
    }

    @Test
    void cornerPixelCountsFourTimesBecauseEdgesAreClamped() {
        // 2x2 image, top-left red 90: for (0,0) the clamped neighbourhood holds (0,0) four times -> 360/9 = 40;
        // (1,0) and (0,1) see it twice -> (180 + 4)/9 = 20; (1,1) once -> (90 + 4)/9 = 10.
        int[] src = {0x005A0000, 0, 0, 0};
        int[] dst = new int[4];
        ImageFilter.boxBlur3x3(src, dst, 2, 2);
        assertArrayEquals(new int[] {40 << 16, 20 << 16, 20 << 16, 10 << 16}, dst);
    }

    @Test
    void alphaIsBlurredAndFullAlphaStaysFull() {
        int[] src = {0xFFFFFFFF, 0x00000000};
        int[] dst = new int[2];
        ImageFilter.boxBlur3x3(src, dst, 2, 1);
        // (0,0): left column counted 6 times -> (6*255 + 4)/9 = 170; (1,0): 3 times -> (765 + 4)/9 = 85
        assertArrayEquals(new int[] {0xAAAAAAAA, 0x55555555}, dst);
    }

    @Test
    void onePixelIsCopiedAndEmptyIsANoOp() {
        int[] dst = new int[1];
        ImageFilter.boxBlur3x3(new int[] {0x12345678}, dst, 1, 1);
        assertArrayEquals(new int[] {0x12345678}, dst);
        ImageFilter.boxBlur3x3(new int[0], new int[0], 0, 5);
    }

    @Test
    void badDimensionsAndAliasingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImageFilter.boxBlur3x3(new int[4], new int[4], 3, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageFilter.boxBlur3x3(new int[4], new int[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageFilter.boxBlur3x3(new int[0], new int[0], -1, 0));
        int[] same = new int[4];
        assertThrows(IllegalArgumentException.class, () -> ImageFilter.boxBlur3x3(same, same, 2, 2));
    }
}
