package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile keys of issue 4's service side: embedded or remote (fleet) eligibility service, receipt printer. */
class KioskConfigRemoteTest {
    private static final String REMOTE = "kiosk.id=K1\neligibility.mode=remote\n"
            + "eligibility.url=https://eligibility.example:8443/\neligibility.keyStore=/etc/k/kiosk.p12\n"
            + "eligibility.keyStorePassword=pw\neligibility.serverCa=/etc/k/server-ca.pem\n";

    @TempDir
    Path dir;

    @Test
    void shippedProfilesAreEmbedded() {
        assertThat(KioskConfig.load(Path.of("kiosk-config/sim.properties")).eligibility().remote()).isEmpty();
        assertThat(KioskConfig.load(Path.of("kiosk-config/store.properties")).eligibility().remote()).isEmpty();
    }

    @Test
    void receiptPrinterKeys() throws Exception {
        assertThat(KioskConfig.load(Path.of("kiosk-config/sim.properties")).receipts().kind())
                .isEqualTo(KioskConfig.ReceiptKind.FILE);
        assertThat(KioskConfig.load(Path.of("kiosk-config/sim.properties")).flowSettings().receiptPrinter()).isTrue();
        KioskConfig.Receipts printer = KioskConfig.load(profile("kiosk.id=K1\nreceipt=printer\nreceipt.printerName=TM-T88\n"))
                .receipts();
        assertThat(printer).isEqualTo(new KioskConfig.Receipts(KioskConfig.ReceiptKind.PRINTER, "TM-T88"));
        assertThat(KioskConfig.load(profile("kiosk.id=K1\n")).flowSettings().receiptPrinter()).isFalse();
    }

    @Test
    void remoteModeReadsTheServerAndTheKioskCredentials() throws Exception {
        KioskConfig.Remote remote = KioskConfig.load(profile(REMOTE + "eligibility.timeoutMillis=2500\n"))
                .eligibility().remote().orElseThrow();

        assertThat(remote.url()).isEqualTo(URI.create("https://eligibility.example:8443/"));
        assertThat(remote.keyStore()).isEqualTo(Path.of("/etc/k/kiosk.p12"));
        assertThat(remote.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(remote.toString()).doesNotContain("pw");
    }

    @Test
    void remoteModeWithoutHttpsOrCredentialsNamesTheKey() throws Exception {
        Path plainHttp = profile(REMOTE.replace("https://", "http://"));
        Path noPassword = profile(REMOTE.replace("eligibility.keyStorePassword=pw\n", ""));

        assertThatThrownBy(() -> KioskConfig.load(plainHttp)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("eligibility.url").hasMessageContaining("https://");
        assertThatThrownBy(() -> KioskConfig.load(noPassword)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("eligibility.keyStorePassword");
    }

    @Test
    void remoteKioskWithRealHardwareNeedsNoJpkiAnchor() throws Exception {
        assertThat(KioskConfig.load(profile(REMOTE + "hardware=real\n")).eligibility().trustAnchor()).isEmpty();
    }

    private Path profile(String text) throws Exception {
        return Files.writeString(dir.resolve("p" + System.nanoTime() + ".properties"), text);
    }
}
