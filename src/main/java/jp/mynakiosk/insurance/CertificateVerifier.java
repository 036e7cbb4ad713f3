package jp.mynakiosk.insurance;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import jp.mynakiosk.insurance.LinkOutcome.CertificateExpired;
import jp.mynakiosk.insurance.LinkOutcome.CertificateRevoked;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;

/**
 * Checks a card's user-authentication certificate against the JPKI CA that issued it: issued and signed by the
 * trust anchor, fit for signing, valid now, and not on the CA's current revocation list.
 */
final class CertificateVerifier {
    private static final int KEY_USAGE_DIGITAL_SIGNATURE = 0;

    private final X509Certificate trustAnchor;
    private final byte[] trustAnchorSubject;
    private final Supplier<X509CRL> revocationList;
    /** The last CRL object whose signature verified: the same object is not verified again on every request. */
    private final AtomicReference<X509CRL> verifiedRevocationList = new AtomicReference<>();

    CertificateVerifier(X509Certificate trustAnchor, Supplier<X509CRL> revocationList) {
        this.trustAnchor = Objects.requireNonNull(trustAnchor, "trustAnchor");
        this.trustAnchorSubject = trustAnchor.getSubjectX500Principal().getEncoded();
        this.revocationList = Objects.requireNonNull(revocationList, "revocationList");
    }

    /**
     * Why the certificate cannot be used now, if it cannot.
     *
     * @throws EligibilityUnavailableException when there is no current revocation list signed by the trust anchor
     */
    Optional<LinkOutcome> problemWith(X509Certificate certificate, Instant now) {
        Date at = Date.from(now);
        if (!issuedByTrustAnchor(certificate, at)) {
            return Optional.of(new InvalidRequest(InvalidRequest.CERTIFICATE_UNTRUSTED));
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[KEY_USAGE_DIGITAL_SIGNATURE]) {
            return Optional.of(new InvalidRequest(InvalidRequest.CERTIFICATE_NOT_FOR_SIGNING));
        }
        try {
            certificate.checkValidity(at);
        } catch (CertificateExpiredException e) {
            return Optional.of(new CertificateExpired());
        } catch (CertificateNotYetValidException e) {
            return Optional.of(new InvalidRequest(InvalidRequest.CERTIFICATE_NOT_YET_VALID));
        }
        if (currentRevocationList(now).getRevokedCertificate(certificate.getSerialNumber()) != null) {
            return Optional.of(new CertificateRevoked());
        }
        return Optional.empty();
    }

    private boolean issuedByTrustAnchor(X509Certificate certificate, Date at) {
        if (!namesTrustAnchorAsIssuer(certificate)) {
            return false;
        }
        try {
            certificate.verify(trustAnchor.getPublicKey());
            trustAnchor.checkValidity(at);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The CA copies its subject into the certificates it issues, so the encoded names are equal byte for byte; only
     * when they are not is the slower RFC 5280 comparison (case and spacing folded) needed.
     */
    private boolean namesTrustAnchorAsIssuer(X509Certificate certificate) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        return Arrays.equals(issuer.getEncoded(), trustAnchorSubject)
                || issuer.equals(trustAnchor.getSubjectX500Principal());
    }

    private X509CRL currentRevocationList(Instant now) {
        X509CRL crl = revocationList.get();
        if (crl == null) {
            throw new EligibilityUnavailableException("No certificate revocation list is available");
        }
        if (!crl.getIssuerX500Principal().equals(trustAnchor.getSubjectX500Principal())) {
            throw new EligibilityUnavailableException("The revocation list is issued by "
                    + crl.getIssuerX500Principal() + ", expected the trust anchor " + trustAnchor.getSubjectX500Principal());
        }
        if (verifiedRevocationList.get() != crl) {
            try {
                crl.verify(trustAnchor.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new EligibilityUnavailableException("The revocation list's signature does not verify with the trust anchor", e);
            }
            verifiedRevocationList.set(crl);
        }
        if (crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant())) {
            throw new EligibilityUnavailableException("The revocation list is out of date: its next update was due "
                    + crl.getNextUpdate().toInstant());
        }
        return crl;
    }
}
