package jp.mynakiosk.insurance;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test JPKI: a CA, a rogue CA with the same name, and card keys. RSA keys are slow: make one per test class. */
public final class TestPki {
    public static final X500Name CA_NAME = new X500Name("C=JP, O=Myna Kiosk Test, CN=Test JPKI User Authentication CA");

    public final KeyPair caKeys;
    public final KeyPair rogueCaKeys;
    public final KeyPair cardKeys;
    public final X509Certificate ca;

    public TestPki(Instant now) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        caKeys = generator.generateKeyPair();
        rogueCaKeys = generator.generateKeyPair();
        cardKeys = generator.generateKeyPair();
        ca = caCertificate(caKeys, now);
    }

    private static X509Certificate caCertificate(KeyPair keys, Instant now) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(CA_NAME, BigInteger.ONE,
                Date.from(now.minusSeconds(86_400L * 3650)), Date.from(now.plusSeconds(86_400L * 3650)), CA_NAME,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys.getPrivate())));
    }

    public X509Certificate cardCertificate(String cardId, long serial, Instant notBefore, Instant notAfter) throws Exception {
        return cardCertificate(cardId, serial, notBefore, notAfter, caKeys.getPrivate(), KeyUsage.digitalSignature);
    }

    public X509Certificate cardCertificate(String cardId, long serial, Instant notBefore, Instant notAfter,
                                    PrivateKey issuerKey, int keyUsage) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(CA_NAME, BigInteger.valueOf(serial),
                Date.from(notBefore), Date.from(notAfter), new X500Name("C=JP, CN=" + cardId), cardKeys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    }

    public X509CRL crl(Instant thisUpdate, Instant nextUpdate, long... revokedSerials) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(CA_NAME, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (long serial : revokedSerials) {
            builder.addCRLEntry(BigInteger.valueOf(serial), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(signer(caKeys.getPrivate())));
    }

    /** What the card does: a PKCS#1 v1.5 signature with the user-authentication key. */
    public byte[] signAsCard(byte[] signedBytes) throws GeneralSecurityException {
        return sign(cardKeys.getPrivate(), signedBytes);
    }

    public static byte[] sign(PrivateKey key, byte[] signedBytes) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signedBytes);
        return signature.sign();
    }

    private static ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    }
}
