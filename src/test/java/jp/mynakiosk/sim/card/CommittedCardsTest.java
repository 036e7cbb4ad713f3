package jp.mynakiosk.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.myna.CardCheck;
import jp.mynakiosk.myna.CardKind;
import jp.mynakiosk.myna.CardSilence;
import jp.mynakiosk.myna.MynaCardSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed card files, built into a simulator world the way the app does it (the photos are drawn
 * here, since hardware-sim/faces comes from another branch).
 */
class CommittedCardsTest {
    @TempDir
    Path world;

    @Test
    void everyCommittedCardIdentifiesAsTheCardTableSays() throws Exception {
        Path cards = Files.createDirectories(world.resolve("cards"));
        try (var files = Files.list(Path.of("hardware-sim", "cards"))) {
            for (Path file : files.toList()) {
                Files.copy(file, cards.resolve(file.getFileName()));
            }
        }
        for (String person : List.of("astronaut", "person-b", "person-c")) {
            SimCardFixture.writePhoto(world.resolve("faces"), person + "-card.png");
        }

        SimulatorCa ca = SimulatorCa.open(SimCardFixture.SHARED_CA);
        List<VirtualCardFile> loaded = VirtualCardFile.loadAll(cards);
        VirtualSlot slot = new VirtualSlot("MynaSim reader");
        CardTerminal terminal = MynaSimProvider.terminalFactory(List.of(slot)).terminals().list().get(0);

        for (VirtualCardFile file : loaded) {
            slot.insert(VirtualMynaCard.create(file, ca));
            if (file instanceof VirtualCardFile.ForeignCard foreign
                    && foreign.kind() == VirtualCardFile.ForeignKind.MUTE) {
                CardException failure = catchThrowableOfType(() -> terminal.connect("*"), CardException.class);
                assertThat(CardSilence.isUnresponsive(failure)).isTrue();
                slot.remove();
                continue;
            }
            CardCheck check = new MynaCardSession(terminal.connect("*").getBasicChannel()).identify();
            slot.remove();
            if (file instanceof VirtualCardFile.ForeignCard foreign) {
                assertThat(check.kind()).isEqualTo(switch (foreign.kind()) {
                    case UNKNOWN -> CardKind.UNKNOWN_CARD;
                    case JUKI -> CardKind.JUKI_CARD;
                    case SMARTPHONE -> CardKind.SMARTPHONE_JPKI;
                    case MUTE -> CardKind.UNRESPONSIVE;
                });
                continue;
            }
            VirtualCardFile.MyNumberCard card = (VirtualCardFile.MyNumberCard) file;
            assertThat(check.kind()).isEqualTo(CardKind.MY_NUMBER_CARD);
            assertThat(check.tries().left()).isEqualTo(card.triesLeft());
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(check.authCertificateDer()));
            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + card.cardId());
            X509CRL crl = ca.currentCrl();
            assertThat(crl.isRevoked(certificate)).isEqualTo(card.certificate() == CertificateState.REVOKED);
            if (card.certificate() == CertificateState.EXPIRED) {
                assertThatThrownBy(certificate::checkValidity).isInstanceOf(CertificateExpiredException.class);
            } else {
                certificate.checkValidity();
            }
        }
    }
}
