package jp.mynakiosk.myna;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What {@link MynaCardSession#identify()} found. Certificate and tries are only there for a My Number card. */
public record CardCheck(CardKind kind, byte[] authCertificateDer, PinTries tries) {
    public CardCheck {
        Objects.requireNonNull(kind, "kind");
        if (kind == CardKind.MY_NUMBER_CARD) {
            Objects.requireNonNull(authCertificateDer, "authCertificateDer");
            Objects.requireNonNull(tries, "tries");
        } else if (authCertificateDer != null || tries != null) {
            throw new IllegalArgumentException(kind + " carries no certificate and no tries");
        }
    }

    public static CardCheck myNumberCard(byte[] authCertificateDer, PinTries tries) {
        return new CardCheck(CardKind.MY_NUMBER_CARD, authCertificateDer.clone(), tries);
    }

    public static CardCheck notUsable(CardKind kind) {
        return new CardCheck(kind, null, null);
    }

    public boolean isMyNumberCard() {
        return kind == CardKind.MY_NUMBER_CARD;
    }

    /**
     * The end of the user-authentication certificate's validity (its notAfter), so that an expired
     * certificate is recognised before the PIN is asked for. Empty when there is no certificate or it is not a
     * parsable X.509 certificate (the relying party rejects it later).
     */
    public Optional<Instant> certificateNotAfter() {
        if (authCertificateDer == null) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(authCertificateDer));
            return Optional.of(certificate.getNotAfter().toInstant());
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** True when the certificate's validity ended before {@code now}. */
    public boolean certificateExpired(Instant now) {
        return certificateNotAfter().map(notAfter -> notAfter.isBefore(now)).orElse(false);
    }

    @Override
    public byte[] authCertificateDer() {
        return authCertificateDer == null ? null : authCertificateDer.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardCheck that && kind == that.kind && Objects.equals(tries, that.tries)
                && java.util.Arrays.equals(authCertificateDer, that.authCertificateDer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, tries, java.util.Arrays.hashCode(authCertificateDer));
    }

    @Override
    public String toString() {
        return "CardCheck[kind=" + kind + ", certificate="
                + (authCertificateDer == null ? "none" : authCertificateDer.length + " bytes") + ", tries=" + tries + "]";
    }
}
