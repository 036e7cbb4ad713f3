package jp.mynakiosk.insurance;

/**
 * What a card-signed request offers as proof, taken out of the request once: the service's nonce, the card's
 * certificate, the bytes it signed, its signature, and the request's fingerprint (which binds a nonce and an
 * idempotency key to exactly this request).
 */
record CardEvidence(byte[] nonce, byte[] certificateDer, byte[] signedBytes, byte[] signature, byte[] fingerprint) {

    static CardEvidence of(byte[] nonce, byte[] certificateDer, byte[] signedBytes, byte[] signature) {
        return new CardEvidence(nonce, certificateDer, signedBytes, signature,
                CardAuthenticator.fingerprint(signedBytes, signature));
    }

    @Override
    public String toString() {
        return "CardEvidence[" + signedBytes.length + " signed bytes]";
    }
}
