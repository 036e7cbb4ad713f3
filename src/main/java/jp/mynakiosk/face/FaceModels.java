package jp.mynakiosk.face;

/**
 * The detector and the two embedding networks, loaded once per kiosk (about a second, off the face step's
 * path) and shared by every check. Close it when the kiosk shuts down.
 */
public final class FaceModels implements AutoCloseable {
    private final FaceDetector detector;
    private final FaceEmbedder faceRes;
    private final FaceEmbedder dlib;

    private FaceModels(FaceDetector detector, FaceEmbedder faceRes, FaceEmbedder dlib) {
        this.detector = detector;
        this.faceRes = faceRes;
        this.dlib = dlib;
    }

    public static FaceModels load() {
        FaceDetector detector = new FaceDetector();
        FaceEmbedder faceRes = null;
        try {
            faceRes = new FaceEmbedder(FaceNetwork.FACERES);
            return new FaceModels(detector, faceRes, new FaceEmbedder(FaceNetwork.DLIB));
        } catch (RuntimeException e) {
            detector.close();
            if (faceRes != null) {
                faceRes.close();
            }
            throw e;
        }
    }

    public FaceDetector detector() {
        return detector;
    }

    FaceEmbedder faceRes() {
        return faceRes;
    }

    FaceEmbedder dlib() {
        return dlib;
    }

    @Override
    public void close() {
        detector.close();
        faceRes.close();
        dlib.close();
    }
}
