package jp.mynakiosk.device;

/** Device state as in the CEN/XFS and XFS4IoT device services. */
public enum DeviceStatus {
    ONLINE, OFFLINE, BUSY, HARDWARE_ERROR, NO_DEVICE;

    public boolean usable() {
        return this == ONLINE || this == BUSY;
    }
}
