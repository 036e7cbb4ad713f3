package jp.mynakiosk.insurance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    private static final Path EXAMPLE = Path.of("kiosk-config", "eligibility-server.example.properties");

    @Test
    void theExampleFileLoads() {
        ServerConfig config = ServerConfig.load(EXAMPLE);

        assertThat(config.port()).isEqualTo(8443);
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/eligibility");
        assertThat(config.seed()).isEmpty();
        assertThat(config.toString()).doesNotContain("change-me");
    }

    @Test
    void anUnknownKeyIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.properties"), Files.readString(EXAMPLE) + "\ndb.pasword=x\n");

        assertThatThrownBy(() -> ServerConfig.load(file)).hasMessageContaining("unknown key(s) [db.pasword]")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingOrBadValueNamesTheKey(@TempDir Path dir) throws Exception {
        Path noUrl = Files.writeString(dir.resolve("a.properties"), Files.readString(EXAMPLE).replace("db.url=", "#"));
        Path badPort = Files.writeString(dir.resolve("b.properties"),
                Files.readString(EXAMPLE).replace("server.port=8443", "server.port=http"));

        assertThatThrownBy(() -> ServerConfig.load(noUrl)).hasMessageContaining("key db.url").hasMessageContaining("required");
        assertThatThrownBy(() -> ServerConfig.load(badPort))
                .hasMessageContaining("key server.port: value 'http'")
                .hasMessageContaining("a whole number from 0 to 65535");
    }
}
