package jp.mynakiosk.device;

/** Card reader events. Called on the reader's own monitoring thread: hand off, never block. */
public interface CardReaderListener {
    void mediaInserted();

    void mediaRemoved();

    void statusChanged(DeviceStatus status);
}
