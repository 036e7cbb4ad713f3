package jp.mynakiosk.face;

/**
 * Combines the two networks' cosine similarities into one score: each is z-normalised by the mean and spread
 * of its impostor scores, the z-scores are weighted and summed, and the sum (divided by its own impostor
 * spread) is put on FaceRes's cosine scale: impostor pairs score as they do with FaceRes alone (mean 0.36,
 * spread 0.09), genuine pairs higher. A FaceRes weight of 1 gives exactly FaceRes's cosine.
 *
 * @param faceResWeight weight of FaceRes's z-score, dlib's is 1 minus it
 * @param fusedSpread standard deviation of the weighted z-sum over impostor pairs
 */
record ScoreFusion(double faceResWeight, Norm faceRes, Norm dlib, double fusedSpread) {
    /** Mean and standard deviation of one network's impostor cosines. */
    record Norm(double mean, double spread) {
        Norm {
            if (!(spread > 0)) {
                throw new IllegalArgumentException("spread must be positive, got " + spread);
            }
        }

        double z(double cosine) {
            return (cosine - mean) / spread;
        }
    }

    ScoreFusion {
        if (!(faceResWeight >= 0 && faceResWeight <= 1)) {
            throw new IllegalArgumentException("FaceRes weight must be 0..1, got " + faceResWeight);
        }
        if (!(fusedSpread > 0)) {
            throw new IllegalArgumentException("fused spread must be positive, got " + fusedSpread);
        }
    }

    /** The weighted z-sum of two faces' cosines, before scaling. */
    double z(FaceTemplate a, FaceTemplate b) {
        return faceResWeight * faceRes.z(FaceEmbedder.similarity(a.faceRes(), b.faceRes()))
                + (1 - faceResWeight) * dlib.z(FaceEmbedder.similarity(a.dlib(), b.dlib()));
    }

    double similarity(FaceTemplate a, FaceTemplate b) {
        return Math.max(-1, Math.min(1, faceRes.mean() + z(a, b) / fusedSpread * faceRes.spread()));
    }
}
