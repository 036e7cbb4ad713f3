package jp.mynakiosk.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkRequestTest {
    private static final UUID KEY = UUID.fromString("0b7c6b1e-4a57-4d8e-9a51-3b1f0d2c9e10");
    private static final byte[] NONCE = new byte[32];
    private static final byte[] CERTIFICATE = {0x30, 0x03, 0x02, 0x01, 0x05};
    private static final HolderClaims HOLDER = new HolderClaims("山田 花子", LocalDate.of(1956, 3, 19), 2);
    private static final Consents CONSENTS = new Consents(true, false);

    private KeyPair cardKeys;

    @BeforeAll
    void makeCardKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        cardKeys = generator.generateKeyPair();
    }

    @Test
    void cardSignatureOverTheDigestInfoIsASha256WithRsaSignature() throws Exception {
        UnsignedLinkRequest request = new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS);
        Signature card = Signature.getInstance("NONEwithRSA"); // PKCS#1 v1.5 over the given DigestInfo, as the card does
        card.initSign(cardKeys.getPrivate());
        card.update(request.digestInfo());
        byte[] cardSignature = card.sign();

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(cardKeys.getPublic());
        verifier.update(request.sign(cardSignature).signedBytes());
        assertThat(verifier.verify(cardSignature)).isTrue();
    }

    @Test
    void digestInfoIsTheSha256DigestInfoOfTheSignedBytes() throws Exception {
        byte[] signed = new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS).signedBytes();

        byte[] digestInfo = LinkRequest.digestInfoFor(signed);

        assertThat(digestInfo).hasSize(51);
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(digestInfo, 19)))
                .isEqualTo("3031300d060960864801650304020105000420");
        assertThat(Arrays.copyOfRange(digestInfo, 19, 51))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signed));
    }

    @Test
    void everyFieldChangesTheSignedBytes() {
        byte[] base = new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS).signedBytes();

        assertThat(new UnsignedLinkRequest("kiosk-2", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS).signedBytes())
                .isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", UUID.randomUUID(), NONCE, CERTIFICATE, HOLDER, CONSENTS)
                .signedBytes()).isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", KEY, new byte[31], CERTIFICATE, HOLDER, CONSENTS).signedBytes())
                .isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", KEY, NONCE, new byte[] {1}, HOLDER, CONSENTS).signedBytes())
                .isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE,
                new HolderClaims("山田 花子", LocalDate.of(1956, 3, 20), 2), CONSENTS).signedBytes()).isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE,
                new HolderClaims("山田 花子", LocalDate.of(1956, 3, 19), 1), CONSENTS).signedBytes()).isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, new Consents(true, true))
                .signedBytes()).isNotEqualTo(base);
        assertThat(new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, new Consents(false, false))
                .signedBytes()).isNotEqualTo(base);
    }

    @Test
    void movingTextBetweenFieldsChangesTheSignedBytes() {
        HolderClaims short1 = new HolderClaims("ab", LocalDate.of(1956, 3, 19), 2);
        HolderClaims long1 = new HolderClaims("b", LocalDate.of(1956, 3, 19), 2);

        assertThat(new UnsignedLinkRequest("k-a", KEY, NONCE, CERTIFICATE, long1, CONSENTS).signedBytes())
                .isNotEqualTo(new UnsignedLinkRequest("k-", KEY, NONCE, CERTIFICATE, short1, CONSENTS).signedBytes());
    }

    @Test
    void signatureIsNotPartOfTheSignedBytes() {
        UnsignedLinkRequest unsigned = new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS);

        assertThat(unsigned.sign(new byte[] {1}).signedBytes()).isEqualTo(unsigned.signedBytes());
        assertThat(unsigned.sign(new byte[] {2}).signedBytes()).isEqualTo(unsigned.signedBytes());
        assertThat(unsigned.sign(new byte[] {1}).unsigned()).isEqualTo(unsigned);
    }

    @Test
    void personalDataStaysOutOfToString() {
        LinkRequest request = new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS)
                .sign(new byte[] {1});

        assertThat(request.toString()).doesNotContain("山田", "1956");
        assertThat(HOLDER.toString()).doesNotContain("山田", "1956");
        assertThat(new InsuredPerson("SIM-0001", "山田 花子", LocalDate.of(1956, 3, 19), 2, "x", LocalDate.MIN)
                .toString()).doesNotContain("山田", "1956");
    }

    @Test
    void oversizedOrEmptyFieldsAreRefusedBeforeUse() {
        assertThatThrownBy(() -> new UnsignedLinkRequest("kiosk-1", KEY, NONCE, new byte[8193], HOLDER, CONSENTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificateDer");
        assertThatThrownBy(() -> new UnsignedLinkRequest("kiosk-1", KEY, new byte[0], CERTIFICATE, HOLDER, CONSENTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> new UnsignedLinkRequest("kiosk 1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kioskId");
        assertThatThrownBy(() -> new UnsignedLinkRequest("kiosk-1", KEY, NONCE, CERTIFICATE, HOLDER, CONSENTS)
                .sign(new byte[1025])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> new HolderClaims("山田 花子", LocalDate.of(1956, 3, 19), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 5218");
    }

    @Test
    void requestsCannotBeChangedThroughTheirArrays() {
        byte[] nonce = new byte[32];
        LinkRequest request = new UnsignedLinkRequest("kiosk-1", KEY, nonce, CERTIFICATE, HOLDER, CONSENTS)
                .sign(new byte[] {1});
        byte[] before = request.signedBytes();

        nonce[0] = 9;
        request.nonce()[1] = 9;
        request.certificateDer()[0] = 9;

        assertThat(request.signedBytes()).isEqualTo(before);
    }
}
