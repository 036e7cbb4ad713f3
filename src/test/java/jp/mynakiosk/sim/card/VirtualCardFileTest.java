package jp.mynakiosk.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mynakiosk.myna.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualCardFileTest {
    @TempDir
    Path dir;

    @Test
    void theCommittedCardFilesFollowTheCardTable() throws Exception {
        List<VirtualCardFile> cards = VirtualCardFile.loadAll(Path.of("hardware-sim", "cards"));

        assertThat(cards).extracting(VirtualCardFile::cardId).containsExactlyInAnyOrder("SIM-0001", "SIM-0002",
                "SIM-0003", "SIM-0004", "SIM-0005", "SIM-0006", "SIM-0007", "SIM-0008", "SIM-0009", "SIM-0010", "SIM-0011");
        VirtualCardFile.MyNumberCard yamada = (VirtualCardFile.MyNumberCard) byId(cards, "SIM-0001");
        assertThat(yamada.holderName()).isEqualTo("山田 花子");
        assertThat(yamada.sex()).isEqualTo(Sex.FEMALE);
        assertThat(yamada.photo().getFileName().toString()).isEqualTo("astronaut-card.png");
        assertThat(((VirtualCardFile.MyNumberCard) byId(cards, "SIM-0002")).triesLeft()).isZero();
        assertThat(((VirtualCardFile.MyNumberCard) byId(cards, "SIM-0005")).certificate())
                .isEqualTo(CertificateState.EXPIRED);
        assertThat(((VirtualCardFile.MyNumberCard) byId(cards, "SIM-0006")).certificate())
                .isEqualTo(CertificateState.REVOKED);
        assertThat(byId(cards, "SIM-0008")).isInstanceOf(VirtualCardFile.ForeignCard.class);
        assertThat(((VirtualCardFile.ForeignCard) byId(cards, "SIM-0009")).kind())
                .isEqualTo(VirtualCardFile.ForeignKind.JUKI);
        assertThat(((VirtualCardFile.ForeignCard) byId(cards, "SIM-0010")).kind())
                .isEqualTo(VirtualCardFile.ForeignKind.SMARTPHONE);
        assertThat(((VirtualCardFile.ForeignCard) byId(cards, "SIM-0011")).kind())
                .isEqualTo(VirtualCardFile.ForeignKind.MUTE);
        assertThat(yamada.toString()).doesNotContain("山田").doesNotContain("1234");
        assertThat(cards).filteredOn(card -> card.cardInterface() != CardInterface.CONTACT_T1)
                .extracting(card -> card.cardId() + " " + card.cardInterface().key())
                .containsExactlyInAnyOrder("SIM-0003 contact-t0", "SIM-0007 contactless", "SIM-0010 contactless");
    }

    @Test
    void cardInfoPinDefaultsToThePin() throws Exception {
        VirtualCardFile.MyNumberCard card = (VirtualCardFile.MyNumberCard) load(base());
        assertThat(card.cardInfoPin()).isEqualTo(card.pin());
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> load(without(base(), "holder.birthDate")))
                .isInstanceOf(CardFileException.class)
                .hasMessageContaining("card.properties").hasMessageContaining("'holder.birthDate' is missing");
    }

    @Test
    void aBadValueNamesFileKeyValueAndExpectation() {
        assertThatThrownBy(() -> load(replace(base(), "holder.birthDate", "19.3.1956")))
                .isInstanceOf(CardFileException.class)
                .hasMessageContaining("card.properties: key 'holder.birthDate' has value '19.3.1956'")
                .hasMessageContaining("ISO date");
        assertThatThrownBy(() -> load(replace(base(), "pin.triesLeft", "4")))
                .hasMessageContaining("'pin.triesLeft' has value '4'").hasMessageContaining("0 (locked) to 3");
        assertThatThrownBy(() -> load(replace(base(), "certificate", "lost")))
                .hasMessageContaining("valid, expired or revoked");
        assertThatThrownBy(() -> load(replace(base(), "holder.sex", "3"))).hasMessageContaining("ISO 5218");
        assertThatThrownBy(() -> load(replace(base(), "kind", "credit"))).hasMessageContaining("'mynumber', 'unknown', 'juki', 'smartphone' or 'mute'");
        assertThatThrownBy(() -> load(replace(base(), "card.id", "../evil"))).hasMessageContaining("card.id");
    }

    @Test
    void aWrongCheckDigitIsRejectedWithoutEchoingTheNumber() {
        assertThatThrownBy(() -> load(replace(base(), "myNumber", "123456789017")))
                .isInstanceOf(CardFileException.class)
                .hasMessageContaining("'myNumber'").hasMessageContaining("check digit")
                .hasMessageNotContaining("123456789017").hasMessageContaining("hidden, 12 characters");
        assertThatThrownBy(() -> load(replace(base(), "pin", "12a4")))
                .hasMessageContaining("'pin'").hasMessageContaining("exactly 4 digits").hasMessageNotContaining("12a4");
    }

    @Test
    void unknownKeysAreTypos() {
        List<String> lines = new ArrayList<>(List.of(base()));
        lines.add("holder.nmae=x");
        assertThatThrownBy(() -> load(lines.toArray(String[]::new)))
                .hasMessageContaining("'holder.nmae' is not used");
        assertThatThrownBy(() -> load(new String[] {"card.id=X", "kind=unknown", "pin=1234"}))
                .hasMessageContaining("'pin' is not used by a card of kind 'unknown'");
    }

    @Test
    void aMissingPhotoIsAClearErrorWhenTheCardIsBuilt() throws Exception {
        VirtualCardFile card = load(replace(base(), "photo", "../faces/nobody-card.png"));
        assertThatThrownBy(() -> VirtualMynaCard.create(card, SimCardFixture.sharedCa()))
                .isInstanceOf(CardFileException.class)
                .hasMessageContaining("card.properties: key 'photo' points to")
                .hasMessageContaining("nobody-card.png, which does not exist");
    }

    @Test
    void aPhotoThatIsNoImageIsAClearError() throws Exception {
        Files.writeString(dir.resolve("face.png"), "not an image");
        VirtualCardFile card = load(base());
        assertThatThrownBy(() -> VirtualMynaCard.create(card, SimCardFixture.sharedCa()))
                .isInstanceOf(CardFileException.class).hasMessageContaining("cannot decode");
    }

    @Test
    void binaryGarbageIsAClearError() throws Exception {
        Path file = dir.resolve("garbage.properties");
        Files.write(file, new byte[] {(byte) 0xC3, 0x28, '=', '\\', 'u', 'Z'});
        assertThatThrownBy(() -> VirtualCardFile.load(file)).isInstanceOf(CardFileException.class)
                .hasMessageContaining("garbage.properties");
    }

    private static VirtualCardFile byId(List<VirtualCardFile> cards, String id) {
        return cards.stream().filter(c -> c.cardId().equals(id)).findFirst().orElseThrow();
    }

    private static String[] base() {
        return SimCardFixture.myNumberCardLines("SIM-T100", "1234", 3, "valid");
    }

    private static String[] without(String[] lines, String key) {
        return List.of(lines).stream().filter(l -> !l.startsWith(key + "=")).toArray(String[]::new);
    }

    private static String[] replace(String[] lines, String key, String value) {
        return List.of(lines).stream().map(l -> l.startsWith(key + "=") ? key + "=" + value : l)
                .toArray(String[]::new);
    }

    private VirtualCardFile load(String[] lines) throws CardFileException {
        return VirtualCardFile.load(SimCardFixture.writeCardFile(dir, "card.properties", lines));
    }
}
