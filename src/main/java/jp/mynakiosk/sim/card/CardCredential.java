package jp.mynakiosk.sim.card;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A virtual card's user-authentication key pair and the certificate the simulator's CA issued for it. */
public record CardCredential(PrivateKey privateKey, X509Certificate certificate) {
    public CardCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
        return "CardCredential[" + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16) + "]";
    }
}
