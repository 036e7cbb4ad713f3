package jp.mynakiosk.device;

import java.awt.image.BufferedImage;

/** A camera pointed at the user. Frames stay in memory only. */
public interface Camera extends AutoCloseable {
    DeviceStatus status();

    /** Grabs the newest frame. */
    BufferedImage grab() throws CameraException;

    @Override
    void close();
}
