package jp.mynakiosk.insurance.server;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which kiosks may call the server: those whose TLS client certificate chains to the kiosk CA and is not on the
 * kiosk CA's revocation list. Every refusal is logged with the certificate's subject and serial (kiosk names,
 * never personal data). A kiosk's id is the {@code CN} of its certificate.
 */
public final class KioskTrust extends X509ExtendedTrustManager {
    private static final Logger LOG = Logger.getLogger(KioskTrust.class.getName());

    private final X509Certificate kioskCa;
    private final X509ExtendedTrustManager pkix;
    private final Supplier<Optional<X509CRL>> revocationList;

    /**
     * @param kioskCa        the CA that issues kiosk certificates
     * @param revocationList its current CRL, if it publishes one; read on every handshake
     */
    public KioskTrust(X509Certificate kioskCa, Supplier<Optional<X509CRL>> revocationList) {
        this.kioskCa = Objects.requireNonNull(kioskCa, "kioskCa");
        this.revocationList = Objects.requireNonNull(revocationList, "revocationList");
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("kiosk-ca", kioskCa);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            X509ExtendedTrustManager found = null;
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    found = x;
                }
            }
            this.pkix = Objects.requireNonNull(found, "the JDK has no PKIX X509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build a trust manager for the kiosk CA", e);
        }
    }

    /** The kiosk id a client certificate names: its subject's CN. */
    public static Optional<String> kioskIdOf(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn) {
                    return Optional.of(cn);
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            pkix.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw refused(chain, "it is not issued by the kiosk CA or not valid now (" + e.getMessage() + ")", e);
        }
        checkNotRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        try {
            pkix.checkClientTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw refused(chain, "it is not issued by the kiosk CA or not valid now (" + e.getMessage() + ")", e);
        }
        checkNotRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkClientTrusted(chain, authType);
        } catch (CertificateException e) {
            throw refused(chain, "it is not issued by the kiosk CA or not valid now (" + e.getMessage() + ")", e);
        }
        checkNotRevoked(chain);
    }

    private void checkNotRevoked(X509Certificate[] chain) throws CertificateException {
        Optional<X509CRL> crl = revocationList.get();
        if (crl.isEmpty()) {
            return;
        }
        try {
            crl.get().verify(kioskCa.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw refused(chain, "the kiosk revocation list does not verify with the kiosk CA", e);
        }
        if (crl.get().isRevoked(chain[0])) {
            throw refused(chain, "its certificate is revoked", null);
        }
    }

    private static CertificateException refused(X509Certificate[] chain, String why, Throwable cause) {
        String who = chain == null || chain.length == 0 ? "a client without a certificate"
                : "kiosk '" + kioskIdOf(chain[0]).orElse("?") + "' (serial " + chain[0].getSerialNumber().toString(16)
                + ", issuer " + chain[0].getIssuerX500Principal().getName() + ")";
        LOG.warning("Refused " + who + ": " + why);
        return new CertificateException("kiosk refused: " + why, cause);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the kiosk trust only checks kiosks (clients)");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the kiosk trust only checks kiosks (clients)");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the kiosk trust only checks kiosks (clients)");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {kioskCa};
    }
}
