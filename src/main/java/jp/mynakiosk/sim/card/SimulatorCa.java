package jp.mynakiosk.sim.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's stand-in for the JPKI user-authentication CA. Created on first use in a local folder
 * (the app passes the git-ignored {@code var/sim-ca}); keys and certificates are cached there as PKCS#12
 * so restarts are fast, and regenerated when a cached file is unreadable or no longer fits.
 * The revocation list holds the serials of the cards issued as {@link CertificateState#REVOKED} by this
 * instance (the simulator issues every card file's credential at start-up).
 */
public final class SimulatorCa {
    public static final String ISSUER = "C=JP, O=JPKI, OU=JPKI for user authentication, "
            + "OU=Japan Agency for Local Authority Information Systems";
    private static final System.Logger LOG = System.getLogger(SimulatorCa.class.getName());
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final char[] STORE_PASSWORD = "myna-sim-ca".toCharArray();
    private static final String ENTRY = "credential";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration CA_VALIDITY = Duration.ofDays(20 * 366);
    private static final Duration USER_VALIDITY = Duration.ofDays(5 * 366);
    private static final Duration EXPIRED_AGO = Duration.ofDays(30);
    private static final Duration CRL_VALIDITY = Duration.ofDays(1);

    private final Path folder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CardCredential ca;
    private final X500Name issuer;
    private final Map<String, BigInteger> revokedSerials = new HashMap<>();
    private BigInteger crlNumber = BigInteger.ONE;

    private SimulatorCa(Path folder, Clock clock) throws IOException, GeneralSecurityException {
        this.folder = folder;
        this.clock = clock;
        this.issuer = new X500Name(BCStyle.INSTANCE, ISSUER);
        Files.createDirectories(folder.resolve("cards"));
        this.ca = loadOrCreateCa();
    }

    /** Opens the CA kept in {@code folder}, creating it (key, self-signed certificate) on first use. */
    public static SimulatorCa open(Path folder) throws IOException, GeneralSecurityException {
        return open(folder, Clock.systemUTC());
    }

    public static SimulatorCa open(Path folder, Clock clock) throws IOException, GeneralSecurityException {
        return new SimulatorCa(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(clock, "clock"));
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /**
     * The card's key pair and user-authentication certificate (subject {@code CN=<cardId>}), with the
     * validity the state asks for; from the cache when it still fits, newly issued otherwise.
     */
    public synchronized CardCredential credentialFor(String cardId, CertificateState state)
            throws IOException, GeneralSecurityException {
        if (!SAFE_ID.matcher(cardId).matches()) {
            throw new IllegalArgumentException("card id not usable as a file name: " + cardId);
        }
        Path file = folder.resolve("cards").resolve(cardId + ".p12");
        CardCredential credential = readCached(file);
        if (credential == null || !fits(credential, cardId, state)) {
            credential = issue(cardId, state);
            write(file, credential);
        }
        if (state == CertificateState.REVOKED) {
            revokedSerials.put(cardId, credential.certificate().getSerialNumber());
        } else {
            revokedSerials.remove(cardId);
        }
        return credential;
    }

    /** A freshly signed CRL listing every card issued as revoked; valid for one day. */
    public synchronized X509CRL currentCrl() throws GeneralSecurityException {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
        for (BigInteger serial : revokedSerials.values()) {
            builder.addCRLEntry(serial, Date.from(now), CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            crlNumber = crlNumber.add(BigInteger.ONE);
            return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.privateKey())));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode the CRL", e);
        }
    }

    private CardCredential loadOrCreateCa() throws IOException, GeneralSecurityException {
        Path file = folder.resolve("ca.p12");
        CardCredential cached = readCached(file);
        if (cached != null && caFits(cached)) {
            return cached;
        }
        KeyPair keys = newKeyPair();
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(CA_VALIDITY)), issuer, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(signer(keys.getPrivate())));
        CardCredential created = new CardCredential(keys.getPrivate(), certificate);
        write(file, created);
        return created;
    }

    private boolean caFits(CardCredential cached) {
        try {
            X509Certificate certificate = cached.certificate();
            certificate.verify(certificate.getPublicKey());
            certificate.checkValidity(Date.from(clock.instant()));
            return certificate.getBasicConstraints() >= 0 && keysMatch(cached)
                    && X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).equals(issuer);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean fits(CardCredential cached, String cardId, CertificateState state) {
        try {
            X509Certificate certificate = cached.certificate();
            certificate.verify(ca.certificate().getPublicKey());
            if (!keysMatch(cached) || !certificate.getSubjectX500Principal().getName().equals("CN=" + cardId)) {
                return false;
            }
            Date now = Date.from(clock.instant());
            boolean expired = certificate.getNotAfter().before(now);
            boolean current = !expired && !certificate.getNotBefore().after(now);
            return state == CertificateState.EXPIRED ? expired : current;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private CardCredential issue(String cardId, CertificateState state) throws GeneralSecurityException {
        KeyPair keys = newKeyPair();
        Instant now = clock.instant();
        Instant notBefore;
        Instant notAfter;
        if (state == CertificateState.EXPIRED) {
            notAfter = now.minus(EXPIRED_AGO);
            notBefore = notAfter.minus(USER_VALIDITY);
        } else {
            notBefore = now.minus(Duration.ofDays(1));
            notAfter = notBefore.plus(USER_VALIDITY);
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cardId).build();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore),
                Date.from(notAfter), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode the certificate extensions", e);
        }
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(signer(ca.privateKey())));
        LOG.log(System.Logger.Level.INFO, "simulator CA issued a certificate ({0}) for card {1}", state, cardId);
        return new CardCredential(keys.getPrivate(), certificate);
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create a " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }

    private static boolean keysMatch(CardCredential credential) {
        return credential.privateKey() instanceof RSAPrivateCrtKey priv
                && credential.certificate().getPublicKey() instanceof RSAPublicKey pub
                && priv.getModulus().equals(pub.getModulus())
                && priv.getPublicExponent().equals(pub.getPublicExponent());
    }

    /** The cached credential, or null when the file is missing or unreadable (it is then replaced). */
    private static CardCredential readCached(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD);
            if (store.getKey(ENTRY, STORE_PASSWORD) instanceof PrivateKey key
                    && store.getCertificate(ENTRY) instanceof X509Certificate certificate) {
                return new CardCredential(key, certificate);
            }
            LOG.log(System.Logger.Level.WARNING, "simulator CA: {0} holds no credential; issuing a new one", file);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "simulator CA: {0} is unreadable ({1}); issuing a new one", file,
                    e.getClass().getSimpleName());
        }
        return null;
    }

    private static void write(Path file, CardCredential credential) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ENTRY, credential.privateKey(), STORE_PASSWORD,
                new Certificate[] {credential.certificate()});
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, STORE_PASSWORD);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
