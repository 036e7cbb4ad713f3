package jp.mynakiosk.face;

import java.util.Arrays;

/**
 * One face as the matcher compares it: its unit-length embedding by each network. A biometric template:
 * never logged; {@link #wipe()} it when done.
 */
record FaceTemplate(float[] faceRes, float[] dlib) {
    void wipe() {
        Arrays.fill(faceRes, 0);
        Arrays.fill(dlib, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceTemplate t && Arrays.equals(faceRes, t.faceRes) && Arrays.equals(dlib, t.dlib);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(faceRes) + Arrays.hashCode(dlib);
    }

    @Override
    public String toString() {
        return "FaceTemplate[redacted]";
    }
}
