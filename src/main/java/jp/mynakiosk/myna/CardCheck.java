package jp.mynakiosk.myna;

import java.util.Objects;

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
