package jp.mynakiosk.face;

/** Where a face was found in an image, in pixels. */
public record FaceRegion(int x, int y, int width, int height) {
    public FaceRegion {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a face region needs a positive size, got " + width + "x" + height);
        }
    }

    public long area() {
        return (long) width * height;
    }
}
