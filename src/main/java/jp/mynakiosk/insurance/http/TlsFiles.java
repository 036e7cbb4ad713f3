package jp.mynakiosk.insurance.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads the TLS files of the fleet: a PKCS#12 key store (a private key with its certificate chain), certificates and
 * CRLs in PEM or DER. Every failure names the file and what was expected; passwords are wiped after use.
 */
public final class TlsFiles {
    private TlsFiles() {
    }

    /** The kiosk's side: its key and certificate from {@code keyStore}, trusting only {@code serverCa}. */
    public static SSLContext clientContext(Path keyStore, char[] password, Path serverCa) {
        X509Certificate ca = certificate(serverCa);
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            return context(keyStore, password, tmf.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(serverCa + ": cannot be used as the trusted server CA (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The server's side: its key and certificate from {@code keyStore}, with {@code trust} deciding on clients. */
    public static SSLContext serverContext(Path keyStore, char[] password, TrustManager trust) {
        return context(keyStore, password, new TrustManager[] {trust});
    }

    private static SSLContext context(Path keyStore, char[] password, TrustManager[] trust) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), trust, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(keyStore + ": expected a PKCS#12 key store with one private key and its"
                    + " certificate chain, readable with the configured password (" + e.getMessage() + ")", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** An X.509 certificate in PEM or DER. */
    public static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": expected an X.509 certificate in PEM or DER (" + e.getMessage()
                    + ")", e);
        }
    }

    /**
     * A CRL file read again whenever it changes on disk; empty while it is missing or unreadable (the previous good
     * one is kept when a new version does not parse).
     */
    public static Supplier<Optional<X509CRL>> watchedCrl(Path file) {
        return new Supplier<>() {
            private long readModified = Long.MIN_VALUE;
            private Optional<X509CRL> current = Optional.empty();

            @Override
            public synchronized Optional<X509CRL> get() {
                try {
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    if (modified != readModified) {
                        try (InputStream in = Files.newInputStream(file)) {
                            current = Optional.of((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
                            readModified = modified;
                        }
                    }
                } catch (IOException | CertificateException | CRLException | ClassCastException e) {
                    return current;
                }
                return current;
            }
        };
    }
}
