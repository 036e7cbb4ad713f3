package jp.mynakiosk.sim.vpcd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import jp.mynakiosk.sim.card.CardFileException;
import jp.mynakiosk.sim.card.SimulatorCa;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;

/**
 * The simulator's PC/SC mode from the command line: puts one virtual card (a {@code hardware-sim/cards} file)
 * into vsmartcard's vpcd reader, so that any PC/SC client, the kiosk with {@code hardware=real} and
 * {@code reader.name=Virtual PCD 00 00} included, talks to it through pcscd. Commands on standard input:
 * {@code remove}, {@code insert}, {@code quit} (end of input quits too).
 * <pre>
 * java -cp 'target/myna-kiosk.jar:target/lib/*' jp.mynakiosk.sim.vpcd.VpcdCardServer \
 *     hardware-sim/cards/yamada-hanako.properties [var/sim-ca] [35963]
 * </pre>
 * It writes the simulator CA's certificate to {@code <caDir>/ca-cert.pem}: the trust anchor
 * ({@code eligibility.trustAnchor}) for a kiosk that checks this card's certificate.
 */
public final class VpcdCardServer {
    private VpcdCardServer() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        if (args.length < 1 || args.length > 3) {
            out.println("usage: VpcdCardServer CARD_FILE [CA_DIR (default var/sim-ca)] [PORT (default "
                    + VpcdConnection.DEFAULT_PORT + ")]");
            System.exit(2);
        }
        Path caDir = Path.of(args.length > 1 ? args[1] : "var/sim-ca");
        int port = args.length > 2 ? Integer.parseInt(args[2]) : VpcdConnection.DEFAULT_PORT;
        VirtualMynaCard card;
        try {
            SimulatorCa ca = SimulatorCa.open(caDir);
            card = VirtualMynaCard.create(VirtualCardFile.load(Path.of(args[0])), ca);
            Path anchor = caDir.resolve("ca-cert.pem");
            Files.writeString(anchor, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(ca.caCertificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            out.println("trust anchor for eligibility.trustAnchor: " + anchor);
        } catch (CardFileException | GeneralSecurityException e) {
            out.println("cannot load the card: " + e.getMessage());
            System.exit(1);
            return;
        }
        VirtualSlot slot = new VirtualSlot("vpcd " + port);
        try (VpcdSlotBridge bridge = VpcdSlotBridge.attach(slot, "localhost", port)) {
            slot.insert(card);
            out.println(bridge.lastError().map(e -> "not in the reader yet (retrying): " + e)
                    .orElse(card + " inserted in the vpcd reader on port " + port));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.strip()) {
                    case "remove" -> out.println(slot.remove().isPresent() ? "removed" : "no card in the slot");
                    case "insert" -> {
                        if (slot.isCardPresent()) {
                            out.println("the card is already in the slot");
                        } else {
                            slot.insert(card);
                            out.println("inserted");
                        }
                    }
                    case "quit" -> {
                        return;
                    }
                    case "" -> { }
                    default -> out.println("commands: remove, insert, quit");
                }
            }
        }
    }
}
