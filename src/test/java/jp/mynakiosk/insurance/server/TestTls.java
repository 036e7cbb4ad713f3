package jp.mynakiosk.insurance.server;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The fleet's TLS material, made at test time (no private key is ever committed): a server CA with a certificate
 * for localhost, a kiosk CA, kiosk certificates (CN = kiosk id) and the kiosk CA's revocation list. EC P-256 keys:
 * quick to make.
 */
public final class TestTls {
    private static final char[] PASSWORD = "test".toCharArray();

    private final KeyPair serverCaKeys = ecKeys();
    private final X509Certificate serverCa;
    private final KeyPair serverKeys = ecKeys();
    private final X509Certificate serverCertificate;
    final KeyPair kioskCaKeys = ecKeys();
    final X509Certificate kioskCa;
    private final AtomicLong serials = new AtomicLong(100);
    private final Instant now = Instant.now();

    public TestTls() throws Exception {
        serverCa = ca("CN=Test Eligibility Server CA", serverCaKeys);
        kioskCa = ca("CN=Test Kiosk CA", kioskCaKeys);
        JcaX509v3CertificateBuilder b = builder("CN=Test Eligibility Server CA", "CN=localhost", serverKeys);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        serverCertificate = sign(b, serverCaKeys.getPrivate());
    }

    /** A kiosk's certificate and key, issued by the kiosk CA (or by {@code issuer} for a rogue one). */
    public record KioskCredential(String kioskId, X509Certificate certificate, PrivateKey key) {
        public BigInteger serial() {
            return certificate.getSerialNumber();
        }
    }

    public KioskCredential kiosk(String kioskId) throws Exception {
        return kiosk(kioskId, "CN=Test Kiosk CA", kioskCaKeys.getPrivate());
    }

    /** A kiosk certificate from a CA the server does not know (same name as the real one). */
    public KioskCredential rogueKiosk(String kioskId) throws Exception {
        return kiosk(kioskId, "CN=Test Kiosk CA", ecKeys().getPrivate());
    }

    private KioskCredential kiosk(String kioskId, String issuer, PrivateKey issuerKey) throws Exception {
        KeyPair keys = ecKeys();
        JcaX509v3CertificateBuilder b = builder(issuer, "CN=" + kioskId, keys);
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return new KioskCredential(kioskId, sign(b, issuerKey), keys.getPrivate());
    }

    public X509CRL kioskCrl(BigInteger... revoked) throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(new X500Name("CN=Test Kiosk CA"), Date.from(now.minusSeconds(60)));
        b.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (BigInteger serial : revoked) {
            b.addCRLEntry(serial, Date.from(now.minusSeconds(60)), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(kioskCaKeys.getPrivate())));
    }

    public SSLContext serverContext(Supplier<Optional<X509CRL>> kioskCrl) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD, new X509Certificate[] {serverCertificate, serverCa});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {new KioskTrust(kioskCa, kioskCrl)}, null);
        return context;
    }

    public SSLContext kioskContext(KioskCredential kiosk) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("kiosk", kiosk.key(), PASSWORD, new X509Certificate[] {kiosk.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server-ca", serverCa);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    public X509Certificate serverCa() {
        return serverCa;
    }

    public X509Certificate kioskCa() {
        return kioskCa;
    }

    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    public PrivateKey serverKey() {
        return serverKeys.getPrivate();
    }

    private X509Certificate ca(String name, KeyPair keys) throws Exception {
        JcaX509v3CertificateBuilder b = builder(name, name, keys);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(b, keys.getPrivate());
    }

    private JcaX509v3CertificateBuilder builder(String issuer, String subject, KeyPair keys) {
        return new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serials.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name(subject), keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(key)));
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
