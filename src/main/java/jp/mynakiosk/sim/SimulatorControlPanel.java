package jp.mynakiosk.sim;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Arrays;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;

/**
 * The developer's and QA's hands in the simulated world: a small window beside the kiosk to insert and
 * remove virtual cards and to change what the camera sees. It is not part of the kiosk's own screen.
 */
public final class SimulatorControlPanel extends JFrame {

    private final SimulatorWorld world;
    private final JLabel status = new JLabel(" ");
    private final JComboBox<String> cards;
    private final JComboBox<String> images;

    public SimulatorControlPanel(SimulatorWorld world) {
        super("Myna Kiosk simulator");
        this.world = world;
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        cards = new JComboBox<>(world.cardNames().toArray(String[]::new));
        images = new JComboBox<>(world.faceImages().toArray(String[]::new));
        images.setSelectedItem(world.cameraImage());

        JButton insert = new JButton("Insert card");
        insert.addActionListener(e -> act(() -> world.insert((String) cards.getSelectedItem())));
        JButton remove = new JButton("Remove card");
        remove.addActionListener(e -> act(world::remove));
        JButton show = new JButton("Show on camera");
        show.addActionListener(e -> act(() -> world.showCamera((String) images.getSelectedItem())));
        JButton photo = new JButton("Hold up as a photo");
        photo.addActionListener(e -> act(() -> world.showPhotoHeldUp((String) images.getSelectedItem())));
        JButton unplug = new JButton("Unplug camera");
        unplug.addActionListener(e -> act(world::unplugCamera));

        JComboBox<String> network = new JComboBox<>(Arrays.stream(SimulatedNetwork.Condition.values())
                .map(SimulatedNetwork.Condition::word).toArray(String[]::new));
        network.setSelectedItem(world.network().condition().word());
        network.addActionListener(e -> act(() -> world.network().set(
                SimulatedNetwork.Condition.ofWord((String) network.getSelectedItem()).orElseThrow())));

        JPanel grid = new JPanel(new GridBagLayout());
        grid.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(4, 4, 4, 4);
        c.fill = GridBagConstraints.HORIZONTAL;
        row(grid, c, 0, heading("Card reader"), null, null);
        row(grid, c, 1, cards, insert, remove);
        row(grid, c, 2, heading("Camera"), null, null);
        row(grid, c, 3, images, show, photo);
        row(grid, c, 4, new JLabel(" "), unplug, new JLabel(" "));
        row(grid, c, 5, heading("Line to the eligibility service"), null, null);
        row(grid, c, 6, network, null, null);
        getContentPane().add(grid, BorderLayout.CENTER);
        status.setBorder(BorderFactory.createEmptyBorder(0, 16, 12, 16));
        getContentPane().add(status, BorderLayout.SOUTH);
        pack();
        refresh();
    }

    /** Places the panel right of the kiosk window, or below it when the screen has no room on the right. */
    public void showBeside(java.awt.Rectangle kiosk) {
        java.awt.Rectangle screen = getGraphicsConfiguration().getBounds();
        if (kiosk.x + kiosk.width + 8 + getWidth() <= screen.x + screen.width) {
            setLocation(kiosk.x + kiosk.width + 8, kiosk.y);
        } else {
            setLocation(kiosk.x, Math.min(kiosk.y + kiosk.height + 8, screen.y + screen.height - getHeight()));
        }
        setVisible(true);
    }

    private interface Action {
        void run() throws SimulatorException;
    }

    private void act(Action action) {
        try {
            action.run();
            refresh();
        } catch (SimulatorException e) {
            status.setText(e.getMessage());
        }
    }

    private void refresh() {
        status.setText("Card: " + world.insertedCard().orElse("none") + "   Camera: " + world.cameraImage()
                + "   Line: " + world.network().condition().word());
    }

    private static JLabel heading(String text) {
        JLabel label = new JLabel(text);
        label.setFont(label.getFont().deriveFont(Font.BOLD));
        return label;
    }

    private static void row(JPanel grid, GridBagConstraints c, int y, java.awt.Component a, java.awt.Component b,
                            java.awt.Component d) {
        c.gridy = y;
        c.gridx = 0;
        c.gridwidth = b == null ? 3 : 1;
        grid.add(a, c);
        if (b != null) {
            c.gridx = 1;
            grid.add(b, c);
            c.gridx = 2;
            grid.add(d, c);
        }
        c.gridwidth = 1;
    }
}
