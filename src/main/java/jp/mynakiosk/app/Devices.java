package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.device.Camera;
import jp.mynakiosk.device.CardReader;
import jp.mynakiosk.device.ReceiptPrinter;
import jp.mynakiosk.device.javaxprint.JavaxPrintReceiptPrinter;
import jp.mynakiosk.sim.printer.FileReceiptPrinter;
import jp.mynakiosk.device.javacv.OpenCvCamera;
import jp.mynakiosk.device.smartcardio.PcscTerminals;
import jp.mynakiosk.device.smartcardio.SmartcardioCardReader;
import jp.mynakiosk.sim.SimulatorException;
import jp.mynakiosk.sim.SimulatorWorld;
import jp.mynakiosk.sim.vpcd.VpcdCardReader;

/**
 * The one place that picks real or simulated parts: a card reader, a camera, and what the eligibility
 * service trusts (the JPKI CA and its revocation list).
 */
record Devices(CardReader reader, Camera camera, Optional<ReceiptPrinter> printer, X509Certificate trustAnchor,
               Supplier<X509CRL> crl, Optional<SimulatorWorld> simulator) implements AutoCloseable {

    static Devices open(KioskConfig config) {
        if (config.hardware() == KioskConfig.Hardware.SIM) {
            KioskConfig.Simulator sim = config.simulator();
            try {
                SimulatorWorld world = SimulatorWorld.open(sim.cardsDir(), sim.facesDir(), sim.caDir(), sim.startCameraImage());
                CardReader reader = sim.cardReader() == KioskConfig.SimCardReader.VPCD
                        ? VpcdCardReader.open(world.slot(), SmartcardioCardReader.DEFAULT_POLL)
                        : world.cardReader();
                return new Devices(reader, world.camera(), printer(config), world.trustAnchor(),
                        world::currentCrl, Optional.of(world));
            } catch (SimulatorException e) {
                throw new ConfigException(config.source() + ": the simulator cannot start: " + e.getMessage(), e);
            }
        }
        X509Certificate anchor = config.eligibility().trustAnchor().map(Devices::readCertificate).orElse(null);
        Path crlFile = config.eligibility().crl().orElse(null);
        Supplier<X509CRL> crl = () -> crlFile == null ? null : readCrl(crlFile);
        String readerName = pcscTerminal(config.realDevices().readerName()).getName();
        // resolved again by name after a failure: survives the reader being re-plugged and pcscd restarting
        return new Devices(new SmartcardioCardReader(PcscTerminals.named(readerName), SmartcardioCardReader.DEFAULT_POLL),
                new OpenCvCamera(config.realDevices().cameraIndex()), printer(config), anchor, crl, Optional.empty());
    }

    private static Optional<ReceiptPrinter> printer(KioskConfig config) {
        switch (config.receipts().kind()) {
            case FILE:
                return Optional.of(new FileReceiptPrinter(config.dataDir().resolve("receipts"),
                        Clock.system(Kiosk.JAPAN)));
            case PRINTER:
                return Optional.of(new JavaxPrintReceiptPrinter(config.receipts().printerName()));
            default:
                return Optional.empty();
        }
    }

    private static CardTerminal pcscTerminal(String nameContains) {
        try {
            List<CardTerminal> terminals = PcscTerminals.list();
            for (CardTerminal terminal : terminals) {
                if (terminal.getName().contains(nameContains)) {
                    return terminal;
                }
            }
            throw new ConfigException("no PC/SC card reader whose name contains '" + nameContains + "' (key reader.name); "
                    + "readers found: " + terminals.stream().map(CardTerminal::getName).toList());
        } catch (CardException e) {
            throw new ConfigException("the PC/SC service does not answer (" + e.getClass().getSimpleName()
                    + "); is pcscd running and a reader connected?", e);
        }
    }

    private static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new ConfigException(file + " (key eligibility.trustAnchor): expected an X.509 certificate in PEM or DER", e);
        }
    }

    private static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException | CertificateException | CRLException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (simulator.isPresent()) {
            if (reader != simulator.get().cardReader()) {
                reader.close();
            }
            simulator.get().close();
        } else {
            reader.close();
            camera.close();
        }
    }
}
