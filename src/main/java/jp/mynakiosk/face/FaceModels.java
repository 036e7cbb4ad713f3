package jp.mynakiosk.face;

/**
 * The detector and the embedding network, loaded once per kiosk (about half a second, off the face step's
 * path) and shared by every check. Close it when the kiosk shuts down.
 */
public final class FaceModels implements AutoCloseable {
    private final FaceDetector detector;
    private final FaceEmbedder embedder;

    private FaceModels(FaceDetector detector, FaceEmbedder embedder) {
        this.detector = detector;
        this.embedder = embedder;
    }

    public static FaceModels load() {
        FaceDetector detector = new FaceDetector();
        try {
            return new FaceModels(detector, new FaceEmbedder());
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    public FaceDetector detector() {
        return detector;
    }

    FaceEmbedder embedder() {
        return embedder;
    }

    @Override
    public void close() {
        detector.close();
        embedder.close();
    }
}
