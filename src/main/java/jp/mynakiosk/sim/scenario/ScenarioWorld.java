package jp.mynakiosk.sim.scenario;

import jp.mynakiosk.flow.SessionState;
import jp.mynakiosk.sim.SimulatedNetwork;

/** What a scenario can do to a running kiosk on the simulator. */
public interface ScenarioWorld {
    SessionState state();

    /** Presses the visible, enabled control with this name; false if there is none. */
    boolean tap(String componentName) throws InterruptedException;

    void insertCard(String cardFile) throws ScenarioException;

    void removeCard();

    void showCamera(String image) throws ScenarioException;

    /** The camera shows the image perfectly still: a photo held up to it. */
    void showPhotoHeldUp(String image) throws ScenarioException;

    /** The line to the eligibility service goes up, down, or starts losing answers. */
    void setNetwork(SimulatedNetwork.Condition condition);
}
