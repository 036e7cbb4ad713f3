package jp.mynakiosk.device.smartcardio;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * PC/SC readers by name, through the JDK's {@code PC/SC} provider, surviving a restart of pcscd.
 * <p>The JDK establishes one PC/SC context per JVM and never renews it: after pcscd restarts, every call
 * fails ({@code SCARD_E_NO_SERVICE}, {@code SCARD_E_INVALID_HANDLE}) until the JVM ends. When the JVM is
 * started with {@value #ADD_OPENS}, this class drops the dead context (and the terminals cached on it) so
 * that the next call establishes a new one. Without that flag the reader keeps reporting NO_DEVICE and the
 * kiosk must be restarted after pcscd was.
 */
public final class PcscTerminals {
    public static final String TYPE = "PC/SC";
    /** The JVM option that lets {@link #renewContext()} work. */
    public static final String ADD_OPENS = "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED";
    private static final System.Logger LOG = System.getLogger(PcscTerminals.class.getName());
    private static final String IMPLEMENTATION = "sun.security.smartcardio.PCSCTerminals";

    private PcscTerminals() {
    }

    /** The PC/SC reader whose name contains {@code nameContains} (the first reader when it is empty). */
    public static TerminalSource named(String nameContains) {
        return new TerminalSource() {
            @Override
            public CardTerminal resolve() throws CardException {
                try {
                    return find(nameContains);
                } catch (CardException e) {
                    if (!serviceLost(e) || !renewContext()) {
                        throw e;
                    }
                    return find(nameContains);
                }
            }

            @Override
            public String describe() {
                return "PC/SC reader '" + nameContains + "'";
            }
        };
    }

    /** All PC/SC readers now; a {@link CardException} when pcscd does not answer. */
    public static List<CardTerminal> list() throws CardException {
        PcscLibrary.configure();
        try {
            return TerminalFactory.getInstance(TYPE, null).terminals().list();
        } catch (NoSuchAlgorithmException e) {
            // the provider establishes its context when created: this is also how "pcscd not running" shows
            throw new CardException("the JDK's PC/SC provider did not start: pcscd not answering, or no pcsc-lite "
                    + "library at " + System.getProperty(PcscLibrary.PROPERTY) + " (" + e.getMessage() + ")", e);
        }
    }

    private static CardTerminal find(String nameContains) throws CardException {
        List<CardTerminal> terminals = list();
        for (CardTerminal terminal : terminals) {
            if (terminal.getName().contains(nameContains)) {
                return terminal;
            }
        }
        throw new CardException("SCARD_E_UNKNOWN_READER: no PC/SC reader whose name contains '" + nameContains
                + "'; readers: " + terminals.stream().map(CardTerminal::getName).toList());
    }

    /** True when the failure means the PC/SC service went away (stopped or restarted), not the reader. */
    public static boolean serviceLost(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String text = String.valueOf(e.getMessage());
            if (text.contains("SCARD_E_NO_SERVICE") || text.contains("SCARD_E_INVALID_HANDLE")
                    || text.contains("SCARD_E_SERVICE_STOPPED")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops the JDK's PC/SC context and its cached terminals and establishes a new one. False when the JVM
     * does not allow it (no {@value #ADD_OPENS}) or pcscd still does not answer.
     */
    public static boolean renewContext() {
        try {
            Class<?> implementation = Class.forName(IMPLEMENTATION);
            Field context = implementation.getDeclaredField("contextId");
            Field cache = implementation.getDeclaredField("terminals");
            Method init = implementation.getDeclaredMethod("initContext");
            context.setAccessible(true);
            cache.setAccessible(true);
            init.setAccessible(true);
            synchronized (implementation) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
                init.invoke(null);
            }
            return true;
        } catch (InvocationTargetException e) {
            LOG.log(System.Logger.Level.DEBUG, "PC/SC still does not answer: {0}", e.getCause().getMessage());
            return false;
        } catch (ReflectiveOperationException | InaccessibleObjectException | ClassCastException e) {
            LOG.log(System.Logger.Level.WARNING, "the PC/SC context cannot be renewed after a pcscd restart "
                    + "(start the JVM with " + ADD_OPENS + "): " + e.getClass().getSimpleName());
            return false;
        }
    }
}
