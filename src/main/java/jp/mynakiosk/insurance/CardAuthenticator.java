package jp.mynakiosk.insurance;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;

/**
 * The checks every card-signed request passes, in this order: the nonce is the service's, unexpired and unused (or
 * used by exactly this request), the certificate parses, the signature verifies with it, the certificate chains to
 * the JPKI CA, is fit for signing, valid and not revoked, and names a card.
 */
final class CardAuthenticator {
    /** The outcome of the checks: the card they prove, or why the request is refused. */
    sealed interface Result {
    }

    record Authenticated(String cardId) implements Result {
    }

    /** {@code refusal} is {@link LinkOutcome.CertificateExpired}, {@link LinkOutcome.CertificateRevoked} or an
     * {@link InvalidRequest}. */
    record Refused(LinkOutcome refusal) implements Result {
    }

    private final CertificateVerifier certificates;

    CardAuthenticator(X509Certificate trustAnchor, Supplier<X509CRL> revocationList) {
        this.certificates = new CertificateVerifier(trustAnchor, revocationList);
    }

    /**
     * Consumes the nonce (in the caller's transaction) and checks the signature and certificate.
     *
     * @param evidence the request's proof; its fingerprint is bound to the nonce when the nonce is consumed
     */
    Result authenticate(Connection c, CardEvidence evidence, Instant now) throws SQLException {
        Optional<InvalidRequest> nonceRefused = ChallengeStore.consume(c, evidence.nonce(), evidence.fingerprint(), now);
        if (nonceRefused.isPresent()) {
            return new Refused(nonceRefused.get());
        }
        Optional<X509Certificate> parsed = parseCertificate(evidence.certificateDer());
        if (parsed.isEmpty()) {
            return new Refused(new InvalidRequest(InvalidRequest.CERTIFICATE_MALFORMED));
        }
        X509Certificate certificate = parsed.get();
        if (!signatureVerifies(certificate, evidence.signedBytes(), evidence.signature())) {
            return new Refused(new InvalidRequest(InvalidRequest.SIGNATURE_INVALID));
        }
        Optional<LinkOutcome> certificateProblem = certificates.problemWith(certificate, now);
        if (certificateProblem.isPresent()) {
            return new Refused(certificateProblem.get());
        }
        Optional<String> cardId = CertificateCardId.of(certificate);
        if (cardId.isEmpty()) {
            return new Refused(new InvalidRequest(InvalidRequest.CERTIFICATE_SUBJECT_UNKNOWN));
        }
        return new Authenticated(cardId.get());
    }

    /** Binds an idempotency key or a nonce to the exact request: its signed bytes and its signature. */
    static byte[] fingerprint(byte[] signedBytes, byte[] signature) {
        byte[] both = new byte[signedBytes.length + signature.length];
        System.arraycopy(signedBytes, 0, both, 0, signedBytes.length);
        System.arraycopy(signature, 0, both, signedBytes.length, signature.length);
        return UnsignedLinkRequest.sha256(both);
    }

    private static Optional<X509Certificate> parseCertificate(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static boolean signatureVerifies(X509Certificate certificate, byte[] signedBytes, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signedBytes);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
