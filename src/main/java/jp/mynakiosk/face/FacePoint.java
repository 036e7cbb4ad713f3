package jp.mynakiosk.face;

/** A point on a face (a keypoint), in image pixels. */
public record FacePoint(double x, double y) {
    double distanceTo(FacePoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
