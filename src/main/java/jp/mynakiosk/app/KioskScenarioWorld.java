package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.AbstractButton;
import javax.swing.SwingUtilities;
import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.sim.SimulatorException;
import jp.mynakiosk.sim.SimulatedNetwork;
import jp.mynakiosk.sim.SimulatorWorld;
import jp.mynakiosk.sim.scenario.ScenarioException;
import jp.mynakiosk.sim.scenario.ScenarioWorld;

/** A scenario's hands on a running kiosk: it presses the real buttons of the real frame, on the EDT. */
final class KioskScenarioWorld implements ScenarioWorld {

    private final Kiosk kiosk;
    private final SimulatorWorld simulator;

    KioskScenarioWorld(Kiosk kiosk) {
        this.kiosk = kiosk;
        this.simulator = kiosk.simulator().orElseThrow(
                () -> new ConfigException("scenarios run on the simulator: the profile must say hardware=sim"));
    }

    @Override
    public SessionState state() {
        return kiosk.controller().current();
    }

    @Override
    public boolean tap(String componentName) throws InterruptedException {
        AtomicBoolean pressed = new AtomicBoolean();
        try {
            SwingUtilities.invokeAndWait(() -> {
                AbstractButton button = find(kiosk.frame().getContentPane(), componentName);
                if (button != null) {
                    button.doClick(0);
                    pressed.set(true);
                }
            });
        } catch (InvocationTargetException e) {
            return false;
        }
        return pressed.get();
    }

    private static AbstractButton find(Container container, String name) {
        for (Component child : container.getComponents()) {
            if (name.equals(child.getName()) && child instanceof AbstractButton button && button.isShowing()
                    && button.isEnabled()) {
                return button;
            }
            if (child instanceof Container inner) {
                AbstractButton found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void insertCard(String cardFile) throws ScenarioException {
        try {
            simulator.insert(cardFile);
        } catch (SimulatorException e) {
            throw new ScenarioException(e.getMessage());
        }
    }

    @Override
    public void removeCard() {
        simulator.remove();
    }

    @Override
    public void showPhotoHeldUp(String image) throws ScenarioException {
        try {
            simulator.showPhotoHeldUp(image);
        } catch (SimulatorException e) {
            throw new ScenarioException(e.getMessage());
        }
    }

    @Override
    public void showCamera(String image) throws ScenarioException {
        try {
            simulator.showCamera(image);
        } catch (SimulatorException e) {
            throw new ScenarioException(e.getMessage());
        }
    }

    @Override
    public void setNetwork(SimulatedNetwork.Condition condition) {
        simulator.network().set(condition);
    }
}
