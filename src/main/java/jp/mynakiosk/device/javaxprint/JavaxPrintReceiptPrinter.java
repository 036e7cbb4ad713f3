package jp.mynakiosk.device.javaxprint;

import java.awt.Graphics2D;
import java.awt.print.Printable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.ReceiptPainter;
import jp.mynakiosk.device.ReceiptPrinter;

/**
 * A receipt printer the operating system knows (CUPS on Linux), reached through {@code javax.print}: the first
 * print service whose name contains the configured text. The lines are drawn as one page of graphics, so any
 * driver that prints Java2D output works (thermal receipt printers included).
 */
public final class JavaxPrintReceiptPrinter implements ReceiptPrinter {
    private static final Logger LOG = Logger.getLogger(JavaxPrintReceiptPrinter.class.getName());
    private static final DocFlavor FLAVOR = DocFlavor.SERVICE_FORMATTED.PRINTABLE;

    private final String nameContains;
    private final ReceiptPainter painter = new ReceiptPainter(9f);

    /** @param nameContains part of the print service's name; empty for the system's default printer */
    public JavaxPrintReceiptPrinter(String nameContains) {
        this.nameContains = Objects.requireNonNull(nameContains, "nameContains");
    }

    @Override
    public DeviceStatus status() {
        Optional<PrintService> service = service();
        if (service.isEmpty()) {
            return DeviceStatus.NO_DEVICE;
        }
        PrinterIsAcceptingJobs accepting = service.get().getAttribute(PrinterIsAcceptingJobs.class);
        return accepting == null || accepting == PrinterIsAcceptingJobs.ACCEPTING_JOBS
                ? DeviceStatus.ONLINE : DeviceStatus.OFFLINE;
    }

    @Override
    public boolean print(List<String> lines) {
        ReceiptPainter.checkBounds(lines);
        Optional<PrintService> service = service();
        if (service.isEmpty()) {
            return false;
        }
        Printable page = printable(List.copyOf(lines));
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("receipt", null));
        DocPrintJob job = service.get().createPrintJob();
        try {
            job.print(new SimpleDoc(page, FLAVOR, null), attributes);
            return true;
        } catch (PrintException e) {
            LOG.log(Level.WARNING, "Printer '" + service.get().getName() + "' refused the receipt: " + e.getMessage());
            return false;
        }
    }

    /** The receipt as one page: the lines drawn in the page's imageable area. */
    Printable printable(List<String> lines) {
        return (graphics, format, index) -> {
            if (index > 0) {
                return Printable.NO_SUCH_PAGE;
            }
            Graphics2D g = (Graphics2D) graphics.create();
            try {
                g.translate(format.getImageableX(), format.getImageableY());
                painter.paint(g, lines, (int) format.getImageableWidth(), (int) format.getImageableHeight());
            } finally {
                g.dispose();
            }
            return Printable.PAGE_EXISTS;
        };
    }

    private Optional<PrintService> service() {
        if (nameContains.isEmpty()) {
            PrintService preferred = PrintServiceLookup.lookupDefaultPrintService();
            if (preferred != null && preferred.isDocFlavorSupported(FLAVOR)) {
                return Optional.of(preferred);
            }
            return Optional.empty();
        }
        for (PrintService service : PrintServiceLookup.lookupPrintServices(FLAVOR, null)) {
            if (service.getName().contains(nameContains)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
