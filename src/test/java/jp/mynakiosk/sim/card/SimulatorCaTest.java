package jp.mynakiosk.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorCaTest {
    @TempDir
    static Path folder;
    static SimulatorCa ca;
    static CardCredential valid;
    static CardCredential expired;
    static CardCredential revoked;

    @BeforeAll
    static void issue() throws Exception {
        ca = SimulatorCa.open(folder);
        valid = ca.credentialFor("SIM-C001", CertificateState.VALID);
        expired = ca.credentialFor("SIM-C002", CertificateState.EXPIRED);
        revoked = ca.credentialFor("SIM-C003", CertificateState.REVOKED);
    }

    @Test
    void theCaLooksLikeTheJpkiUserAuthenticationCa() {
        X509Certificate caCert = ca.caCertificate();
        assertThat(caCert.getSubjectX500Principal()).isEqualTo(caCert.getIssuerX500Principal());
        assertThat(caCert.getSubjectX500Principal()).isEqualTo(new X500Principal(
                "OU=Japan Agency for Local Authority Information Systems, OU=JPKI for user authentication, O=JPKI, C=JP"));
        assertThat(caCert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void userCertificatesNameTheCardAndAreSignedByTheCa() throws Exception {
        X509Certificate cert = valid.certificate();
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=SIM-C001");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        cert.verify(ca.caCertificate().getPublicKey());
        cert.checkValidity();
        assertThat(((java.security.interfaces.RSAPublicKey) cert.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
    }

    @Test
    void theExpiredCertificateIsExpired() {
        assertThatThrownBy(() -> expired.certificate().checkValidity())
                .isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void theCrlListsExactlyTheRevokedCards() throws Exception {
        X509CRL crl = ca.currentCrl();
        crl.verify(ca.caCertificate().getPublicKey());
        assertThat(crl.isRevoked(revoked.certificate())).isTrue();
        assertThat(crl.isRevoked(valid.certificate())).isFalse();
        assertThat(crl.isRevoked(expired.certificate())).isFalse();
        assertThat(crl.getRevokedCertificates()).hasSize(1);
        assertThat(crl.getNextUpdate()).isAfter(new Date());
    }

    @Test
    void reopeningReusesTheCachedKeysAndCertificates() throws Exception {
        SimulatorCa again = SimulatorCa.open(folder);
        assertThat(again.caCertificate()).isEqualTo(ca.caCertificate());
        assertThat(again.credentialFor("SIM-C001", CertificateState.VALID).certificate())
                .isEqualTo(valid.certificate());
        assertThat(again.credentialFor("SIM-C002", CertificateState.EXPIRED).certificate())
                .isEqualTo(expired.certificate());
    }

    @Test
    void aCorruptCacheIsRegeneratedCleanly(@TempDir Path other) throws Exception {
        SimulatorCa first = SimulatorCa.open(other);
        X509Certificate original = first.credentialFor("SIM-C010", CertificateState.VALID).certificate();
        Files.writeString(other.resolve("cards").resolve("SIM-C010.p12"), "garbage");

        CardCredential replaced = SimulatorCa.open(other).credentialFor("SIM-C010", CertificateState.VALID);
        assertThat(replaced.certificate()).isNotEqualTo(original);
        replaced.certificate().verify(first.caCertificate().getPublicKey());

        Files.write(other.resolve("ca.p12"), new byte[] {0x30, 0x03, 0x02, 0x01});
        SimulatorCa newCa = SimulatorCa.open(other);
        assertThat(newCa.caCertificate()).isNotEqualTo(first.caCertificate());
        // the card's certificate from the old CA no longer fits and is issued again by the new one
        newCa.credentialFor("SIM-C010", CertificateState.VALID).certificate().verify(newCa.caCertificate().getPublicKey());
    }

    @Test
    void aChangedStateIsHonoured() throws Exception {
        SimulatorCa again = SimulatorCa.open(folder);
        again.credentialFor("SIM-C004", CertificateState.VALID);
        X509Certificate nowExpired = again.credentialFor("SIM-C004", CertificateState.EXPIRED).certificate();
        assertThatThrownBy(nowExpired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThat(again.credentialFor("SIM-C004", CertificateState.VALID).certificate().getNotAfter())
                .isAfter(new Date());
    }
}
