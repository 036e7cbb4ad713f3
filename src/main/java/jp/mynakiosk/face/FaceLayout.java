package jp.mynakiosk.face;

/**
 * Where an embedding network expects the right eye, left eye (as seen in the image), nose tip and mouth
 * centre, in pixels of a square of the given side.
 */
enum FaceLayout {
    /** ArcFace's 112x112 template; the mouth centre is the middle of its two mouth corners. */
    ARCFACE(112, new double[][] {{38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {56.1396, 92.2848}}),
    /**
     * dlib's face chip (get_face_chip_details, 150 pixels, padding 0.25): its mean face shape's eye centres
     * (mean of the six points of each eye), nose tip (point 30) and the middle of the mouth corners (48, 54).
     */
    DLIB_CHIP(150, new double[][] {{47.5, 46.6}, {100.5, 46.6}, {74.0, 76.6}, {74.0, 103.0}});

    final double side;
    private final double[][] points;

    FaceLayout(double side, double[][] points) {
        this.side = side;
        this.points = points;
    }

    int size() {
        return points.length;
    }

    double x(int i) {
        return points[i][0];
    }

    double y(int i) {
        return points[i][1];
    }
}
