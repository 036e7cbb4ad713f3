package jp.mynakiosk.insurance;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Finds which insured person a user-authentication certificate belongs to. The simulator's stand-in for the J-LIS
 * lookup: its test CA puts the card id into the subject as {@code CN=<card id>}. Replace this class to use the
 * real lookup.
 */
final class CertificateCardId {
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private CertificateCardId() {
    }

    static Optional<String> of(X509Certificate certificate) {
        try {
            LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : subject.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn
                        && CARD_ID.matcher(cn).matches()) {
                    return Optional.of(cn);
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
