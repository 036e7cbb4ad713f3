package jp.mynakiosk.device;

import java.util.List;

/** An optional receipt printer; the simulator writes a PNG file instead. */
public interface ReceiptPrinter {
    DeviceStatus status();

    /** Prints the given lines; returns false when nothing could be printed. */
    boolean print(List<String> lines);
}
