package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Compares the face on the card photo with the face in camera frames: MediaPipe's detector finds the face and
 * its keypoints ({@link FaceDetector}), the face is aligned to each network's layout ({@link FaceAligner}) and
 * embedded by HSE FaceRes and by dlib's ResNet ({@link FaceEmbedder}); the two cosines are fused into one
 * score ({@link ScoreFusion}).
 * {@link #begin(byte[])} starts a face step that also demands liveness; {@link #match(byte[], BufferedImage)}
 * compares a single frame without it. Thread-safe; the models are shared through {@link FaceModels}.
 */
public final class FaceMatcher {
    /**
     * Score ({@link ScoreFusion}, on FaceRes's cosine scale) at or above which two faces are taken to be one
     * person, chosen for security (the PIN is the fallback) on the benchmark's card-photo-versus-camera pairs
     * (FaceBenchmarkTest: 73 real faces, one side of each pair cut, shrunk and JPEG 2000 compressed as a card
     * photo; 110 genuine and 4,946 impostor pairs): it accepted 0.06% of impostor pairs and rejected 11.8% of
     * genuine ones, whose photos span years, lighting and head poses. Each frame of a face step is a new try,
     * so a present card holder is rejected less often than one photo pair is.
     */
    public static final double DEFAULT_THRESHOLD = 0.60;
    /** The template's own crop; 0.65 to 1.15 were measured, 0.8 and below lost 1-4% AUC. */
    static final double ALIGN_ZOOM = 1.0;
    /** dlib's chip as dlib cuts it; 0.9 and 1.1 were measured, both lost a little. */
    static final double DLIB_ZOOM = 1.0;
    /**
     * Impostor means and spreads measured on the benchmark's 2,473 impostor photo pairs. dlib's net alone
     * separated the benchmark's faces far better than FaceRes (AUC 0.9997 vs 0.9946); FaceRes weights 0.1 to 0.2
     * did a little better than dlib alone on card-versus-camera pairs and 0.5 clearly worse (false rejects at
     * FAR <= 0.1%: 9.1% dlib alone, 8.2% at 0.15, 16.4% at 0.5). Chosen on the same pairs it is judged on:
     * no held-out set was available.
     */
    static final ScoreFusion FUSION = new ScoreFusion(0.15, new ScoreFusion.Norm(0.3553, 0.0866),
            new ScoreFusion.Norm(0.8336, 0.0403), 0.9280);

    private final FaceDetector detector;
    private final FaceEmbedder faceRes;
    private final FaceEmbedder dlib;
    private final CardPhotoDecoder decoder;
    private final FaceAligner faceResAligner;
    private final FaceAligner dlibAligner;
    private final ScoreFusion fusion;
    private final FaceAligner qualityAligner = new FaceAligner(FrameQuality.ALIGNED_SIDE, 1.0);
    private final HatCheck hatCheck = new HatCheck();
    private final double threshold;

    /**
     * @param threshold score (0..1, see {@link #DEFAULT_THRESHOLD}) at or above which the faces are taken to be
     *     the same person
     */
    public FaceMatcher(FaceModels models, CardPhotoDecoder decoder, double threshold) {
        this(models, decoder, threshold, ALIGN_ZOOM, DLIB_ZOOM, FUSION);
    }

    /** With other alignment zooms and fusion: for the benchmark that chose the defaults. */
    FaceMatcher(FaceModels models, CardPhotoDecoder decoder, double threshold, double zoom, double dlibZoom,
            ScoreFusion fusion) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("face match threshold must be between 0 and 1, got " + threshold);
        }
        this.detector = models.detector();
        this.faceRes = models.faceRes();
        this.dlib = models.dlib();
        this.decoder = decoder;
        this.threshold = threshold;
        this.faceResAligner = new FaceAligner(FaceNetwork.FACERES.layout, FaceNetwork.FACERES.input, zoom);
        this.dlibAligner = new FaceAligner(FaceNetwork.DLIB.layout, FaceNetwork.DLIB.input, dlibZoom);
        this.fusion = fusion;
    }

    public double threshold() {
        return threshold;
    }

    /** Starts a face step against this card photo: decodes and embeds it once. Close the check when done. */
    public FaceCheck begin(byte[] cardPhoto) {
        return begin(cardPhoto, LivenessMode.MOTION);
    }

    /** A face step that proves liveness as {@code mode} says; the challenge's sides come from a SecureRandom. */
    public FaceCheck begin(byte[] cardPhoto, LivenessMode mode) {
        return begin(cardPhoto, mode == LivenessMode.CHALLENGE ? new HeadTurnChallenge(new SecureRandom()) : null,
                System::nanoTime);
    }

    /** With a given challenge (null for motion alone) and clock: for tests. */
    FaceCheck begin(byte[] cardPhoto, HeadTurnChallenge challenge, LongSupplier nanoClock) {
        if (!(decoder.decode(cardPhoto) instanceof DecodedPhoto.Readable card)) {
            return new FaceCheck(this, null, MatchOutcome.UNREADABLE_PHOTO, challenge, nanoClock);
        }
        Optional<FaceTemplate> embedding = embedCardPhoto(card.image());
        return embedding.map(e -> new FaceCheck(this, e, null, challenge, nanoClock))
                .orElseGet(() -> new FaceCheck(this, null, MatchOutcome.NO_FACE_ON_CARD, challenge, nanoClock));
    }

    /** Compares one frame with the card photo, without liveness (a single frame cannot show it). */
    public MatchResult match(byte[] cardPhoto, BufferedImage cameraFrame) {
        if (!(decoder.decode(cardPhoto) instanceof DecodedPhoto.Readable card)) {
            return MatchResult.notCompared(MatchOutcome.UNREADABLE_PHOTO, FaceGuidance.NONE);
        }
        Optional<FaceTemplate> cardEmbedding = embedCardPhoto(card.image());
        if (cardEmbedding.isEmpty()) {
            return MatchResult.notCompared(MatchOutcome.NO_FACE_ON_CARD, FaceGuidance.NONE);
        }
        FrameFace seen = null;
        try {
            seen = examine(cameraFrame);
            if (seen.embedding().isEmpty()) {
                return MatchResult.notCompared(seen.outcome(), seen.guidance());
            }
            double similarity = similarity(cardEmbedding.get(), seen.embedding().get());
            return similarity >= threshold
                    ? new MatchResult(MatchOutcome.MATCH, similarity, FaceGuidance.NONE)
                    : new MatchResult(MatchOutcome.NO_MATCH, similarity, seen.guidance());
        } finally {
            cardEmbedding.get().wipe();
            if (seen != null) {
                seen.embedding().ifPresent(FaceTemplate::wipe);
            }
        }
    }

    /** The embedding of the largest face in a photo that is not a camera frame (no placement checks). */
    Optional<FaceTemplate> embedCardPhoto(BufferedImage photo) {
        try (Mat bgr = MatImages.toBgrMat(photo)) {
            List<DetectedFace> faces = detector.detect(bgr);
            if (faces.isEmpty()) {
                return Optional.empty();
            }
            // A card photo shows one person; should the detector see more, the largest face is the holder.
            return Optional.of(embed(bgr, faces.get(0)));
        }
    }

    /** Finds the one face in a camera frame, judges the frame and, when it is good, embeds the face. */
    FrameFace examine(BufferedImage frame) {
        try (Mat bgr = MatImages.toBgrMat(frame)) {
            List<DetectedFace> faces = detector.detect(bgr);
            FaceGuidance placement = FrameQuality.placement(faces, bgr.cols(), bgr.rows());
            if (placement == FaceGuidance.NO_FACE) {
                return FrameFace.rejected(MatchOutcome.NO_FACE_IN_FRAME, placement);
            }
            if (placement == FaceGuidance.SEVERAL_FACES) {
                return FrameFace.rejected(MatchOutcome.SEVERAL_FACES, placement);
            }
            DetectedFace face = faces.get(0);
            if (placement != FaceGuidance.NONE) {
                return FrameFace.rejected(MatchOutcome.POOR_FRAME, placement);
            }
            FaceGuidance appearance;
            byte[] grey;
            try (Mat small = qualityAligner.align(bgr, face); Mat smallGrey = new Mat()) {
                appearance = FrameQuality.appearance(small);
                cvtColor(small, smallGrey, COLOR_BGR2GRAY);
                grey = new byte[FrameQuality.ALIGNED_SIDE * FrameQuality.ALIGNED_SIDE];
                new BytePointer(smallGrey.data()).get(grey);
            }
            if (appearance != FaceGuidance.NONE) {
                return FrameFace.rejected(MatchOutcome.POOR_FRAME, appearance);
            }
            // A hat is only advice: the face may match in spite of it, and a fringe taken for one must not block it.
            FaceGuidance advice = hatCheck.hat(bgr, face) ? FaceGuidance.REMOVE_HAT : FaceGuidance.NONE;
            return new FrameFace(MatchOutcome.NO_MATCH, advice, grey, Optional.of(embed(bgr, face)), face);
        }
    }

    FaceDetector detectorForBenchmark() {
        return detector;
    }

    FaceTemplate embed(Mat bgr, DetectedFace face) {
        try (Mat forFaceRes = faceResAligner.align(bgr, face); Mat forDlib = dlibAligner.align(bgr, face)) {
            float[] first = faceRes.embed(forFaceRes);
            try {
                return new FaceTemplate(first, dlib.embed(forDlib));
            } catch (RuntimeException e) {
                Arrays.fill(first, 0f);
                throw e;
            }
        }
    }

    /** How alike two faces are, on FaceRes's cosine scale (see {@link ScoreFusion}); compare with the threshold. */
    double similarity(FaceTemplate a, FaceTemplate b) {
        return fusion.similarity(a, b);
    }

    /**
     * What one frame showed: when the frame was good, the embedding, the aligned grey face and the detected face
     * (for liveness) and advice to give should it not match (a hat); else the outcome and guidance.
     */
    record FrameFace(MatchOutcome outcome, FaceGuidance guidance, byte[] alignedGrey, Optional<FaceTemplate> embedding,
                     DetectedFace face) {
        static FrameFace rejected(MatchOutcome outcome, FaceGuidance guidance) {
            return new FrameFace(outcome, guidance, null, Optional.empty(), null);
        }

        @Override
        public String toString() {
            return "FrameFace[" + outcome + ", " + guidance + ", template redacted]";
        }
    }
}
