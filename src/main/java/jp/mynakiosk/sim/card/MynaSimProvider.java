package jp.mynakiosk.sim.card;

import java.security.InvalidParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.TerminalFactory;

/**
 * A JCA provider for {@code javax.smartcardio} whose readers are {@link VirtualSlot}s, so that the kiosk's
 * card code is the same for virtual and real readers. Not installed globally: create one per simulator and
 * pass it to {@link TerminalFactory#getInstance(String, Object, Provider)} with the slots as parameter.
 */
public final class MynaSimProvider extends Provider {
    public static final String TYPE = "MynaSim";
    private static final long serialVersionUID = 1L;

    public MynaSimProvider() {
        super("MynaSim", "1.0", "Myna Kiosk virtual card readers for javax.smartcardio");
        putService(new TerminalFactoryService(this));
    }

    /** A terminal factory with one reader per slot, in order. */
    public static TerminalFactory terminalFactory(List<VirtualSlot> slots) throws NoSuchAlgorithmException {
        return TerminalFactory.getInstance(TYPE, List.copyOf(slots), new MynaSimProvider());
    }

    private static final class TerminalFactoryService extends Provider.Service {
        TerminalFactoryService(Provider provider) {
            super(provider, "TerminalFactory", TYPE, VirtualTerminalFactorySpi.class.getName(), null, null);
        }

        @Override
        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
            if (!(parameter instanceof List<?> list) || list.isEmpty()) {
                throw new InvalidParameterException(TYPE + " needs a non-empty List<VirtualSlot> as parameter");
            }
            List<VirtualSlot> slots = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof VirtualSlot slot)) {
                    throw new InvalidParameterException(TYPE + " needs a List<VirtualSlot>; got an element of "
                            + (element == null ? "null" : element.getClass().getName()));
                }
                slots.add(slot);
            }
            return new VirtualTerminalFactorySpi(slots);
        }
    }
}
