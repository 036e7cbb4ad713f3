package jp.mynakiosk.sim.card;

import java.security.PrivateKey;
import java.util.Map;

/** One application (DF) of the virtual card: its AID and its elementary files by FID. */
record CardApplication(String name, byte[] aid, Map<Integer, CardFile> files) {
    CardApplication {
        aid = aid.clone();
        files = Map.copyOf(files);
    }

    boolean hasAid(byte[] candidate) {
        return java.util.Arrays.equals(aid, candidate);
    }

    /** An elementary file. */
    sealed interface CardFile permits BinaryFile, PinFile, KeyFile {
    }

    /** Transparent file read with READ BINARY; {@code guard} is the PIN that must be verified, or null. */
    record BinaryFile(byte[] content, PinCounter guard) implements CardFile {
    }

    /** A PIN, checked with VERIFY. */
    record PinFile(PinCounter pin) implements CardFile {
    }

    /** A private key used by COMPUTE DIGITAL SIGNATURE once {@code guard} is verified. */
    record KeyFile(PrivateKey key, PinCounter guard) implements CardFile {
        @Override
        public String toString() {
            return "KeyFile[private]";
        }
    }
}
