package jp.mynakiosk.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynakiosk.device.Camera;
import jp.mynakiosk.device.CardReader;
import jp.mynakiosk.device.smartcardio.SmartcardioCardReader;
import jp.mynakiosk.sim.camera.FileCamera;
import jp.mynakiosk.sim.card.CardFileException;
import jp.mynakiosk.sim.card.MynaSimProvider;
import jp.mynakiosk.sim.card.SimulatorCa;
import jp.mynakiosk.sim.card.VirtualCardFile;
import jp.mynakiosk.sim.card.VirtualMynaCard;
import jp.mynakiosk.sim.card.VirtualSlot;

/**
 * The simulated hardware as one object: a card reader slot holding virtual My Number cards, a camera
 * showing image files, and the test CA that issued the cards' certificates. Every card file is loaded at
 * start, so a broken file stops start-up with a message naming it; a card keeps its PIN counters for as long
 * as the simulator runs, as a real card would between insertions.
 */
public final class SimulatorWorld implements AutoCloseable {

    public static final String READER_NAME = "MynaSim Virtual Reader 0";

    private final SimulatorCa ca;
    private final Map<String, VirtualMynaCard> cards;
    private final VirtualSlot slot;
    private final SmartcardioCardReader reader;
    private final FileCamera camera;
    private final SimulatedNetwork network = new SimulatedNetwork();
    private final Path facesDir;
    private volatile String insertedCard;

    private SimulatorWorld(SimulatorCa ca, Map<String, VirtualMynaCard> cards, VirtualSlot slot,
                           SmartcardioCardReader reader, FileCamera camera, Path facesDir) {
        this.ca = ca;
        this.cards = cards;
        this.slot = slot;
        this.reader = reader;
        this.camera = camera;
        this.facesDir = facesDir;
    }

    /**
     * Opens the simulated world.
     *
     * @throws SimulatorException naming the file and what was wrong, when a card file, the faces folder or the
     *                            CA folder cannot be used
     */
    public static SimulatorWorld open(Path cardsDir, Path facesDir, Path caDir, String startImage) throws SimulatorException {
        SimulatorCa ca;
        try {
            ca = SimulatorCa.open(caDir);
        } catch (IOException | GeneralSecurityException e) {
            throw new SimulatorException(caDir + ": the simulator's test CA cannot be opened or created ("
                    + e.getClass().getSimpleName() + "); delete the folder to start a new CA", e);
        }
        Map<String, VirtualMynaCard> cards = new LinkedHashMap<>();
        try (Stream<Path> files = list(cardsDir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
                cards.put(name, VirtualMynaCard.create(VirtualCardFile.load(file), ca));
            }
        } catch (CardFileException e) {
            throw new SimulatorException(e.getMessage(), e);
        }
        if (cards.isEmpty()) {
            throw new SimulatorException(cardsDir + ": no virtual card files (*.properties) found");
        }
        Path start = facesDir.resolve(startImage);
        if (!Files.isRegularFile(start)) {
            throw new SimulatorException(start + ": the camera's start image does not exist (key sim.camera)");
        }
        VirtualSlot slot = new VirtualSlot(READER_NAME);
        CardTerminal terminal;
        try {
            terminal = MynaSimProvider.terminalFactory(List.of(slot)).terminals().list().get(0);
        } catch (NoSuchAlgorithmException | CardException e) {
            throw new SimulatorException("the simulator's smart card provider could not start ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return new SimulatorWorld(ca, Collections.unmodifiableMap(cards), slot, new SmartcardioCardReader(terminal),
                new FileCamera(start), facesDir);
    }

    private static Stream<Path> list(Path cardsDir) throws SimulatorException {
        try {
            return Files.list(cardsDir).filter(f -> f.getFileName().toString().endsWith(".properties"));
        } catch (IOException e) {
            throw new SimulatorException(cardsDir + ": the virtual cards folder cannot be read", e);
        }
    }

    public CardReader cardReader() {
        return reader;
    }

    /** The slot the control panel and scenarios put cards in (mirrored into vpcd in PC/SC mode). */
    public VirtualSlot slot() {
        return slot;
    }

    public Camera camera() {
        return camera;
    }

    /** The line to the eligibility service, which the control panel and scenarios can break. */
    public SimulatedNetwork network() {
        return network;
    }

    public X509Certificate trustAnchor() {
        return ca.caCertificate();
    }

    /** The CA's current revocation list (it lists every card issued as revoked). */
    public X509CRL currentCrl() {
        try {
            return ca.currentCrl();
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** The virtual cards by file name (without .properties), in file name order. */
    public List<String> cardNames() {
        return new ArrayList<>(cards.keySet());
    }

    /** What the camera can show, by name: images, folders of images (a sequence) and video files. */
    public List<String> faceImages() {
        try (Stream<Path> files = Files.list(facesDir)) {
            return files.filter(f -> Files.isDirectory(f) || f.getFileName().toString()
                            .matches("(?i).*\\.(png|jpe?g|avi|mjpe?g|mp4)$"))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Puts the named card in the slot, taking out any card that was there. */
    public void insert(String cardName) throws SimulatorException {
        VirtualMynaCard card = cards.get(cardName);
        if (card == null) {
            throw new SimulatorException("no virtual card named '" + cardName + "'; known cards: " + cards.keySet());
        }
        slot.remove();
        slot.insert(card);
        insertedCard = cardName;
    }

    public void remove() {
        slot.remove();
        insertedCard = null;
    }

    public Optional<String> insertedCard() {
        return Optional.ofNullable(insertedCard);
    }

    /** Makes the camera show the named image, image folder or video from the faces folder: a live person. */
    public void showCamera(String image) throws SimulatorException {
        show(image, true);
    }

    /**
     * Makes the camera show the named image perfectly still, as a printed or on-screen photo held up to the camera
     * would be: the liveness check must refuse it.
     */
    public void showPhotoHeldUp(String image) throws SimulatorException {
        show(image, false);
    }

    private void show(String image, boolean live) throws SimulatorException {
        Path file = facesDir.resolve(image).normalize();
        if (!file.startsWith(facesDir.normalize()) || !Files.exists(file)) {
            throw new SimulatorException("no camera image named '" + image + "' in " + facesDir);
        }
        camera.reconnect();
        camera.setLively(live);
        camera.show(file);
    }

    public String cameraImage() {
        return camera.showing().getFileName().toString();
    }

    /** The camera stops answering, as if its cable were pulled; {@link #showCamera} plugs it back. */
    public void unplugCamera() {
        camera.disconnect();
    }

    @Override
    public void close() {
        reader.close();
        camera.close();
    }
}
