package jp.mynakiosk.face;

import java.util.List;

/**
 * A face found by {@link FaceDetector}: its box, the detector's confidence (0..1) and six keypoints in
 * MediaPipe's order: the subject's right eye (on the image's left), left eye, nose tip, mouth centre, right
 * ear tragion, left ear tragion.
 */
public record DetectedFace(FaceRegion box, double score, List<FacePoint> keypoints) {
    public static final int KEYPOINTS = 6;

    public DetectedFace {
        keypoints = List.copyOf(keypoints);
        if (keypoints.size() != KEYPOINTS) {
            throw new IllegalArgumentException("a detected face has " + KEYPOINTS + " keypoints, got " + keypoints.size());
        }
    }

    public FacePoint rightEye() {
        return keypoints.get(0);
    }

    public FacePoint leftEye() {
        return keypoints.get(1);
    }

    public FacePoint nose() {
        return keypoints.get(2);
    }

    public FacePoint mouth() {
        return keypoints.get(3);
    }

    /** Distance between the eye centres, in pixels: the face's scale. */
    public double eyeDistance() {
        return rightEye().distanceTo(leftEye());
    }
}
