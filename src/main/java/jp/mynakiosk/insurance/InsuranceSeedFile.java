package jp.mynakiosk.insurance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code hardware-sim/insurance/insured-persons.csv}: UTF-8, lines starting with {@code #} and blank lines are
 * ignored, the first other line is the header {@value #HEADER}, then one insured person per line. Fields are
 * separated by commas and are not quoted, so no field may contain a comma or a double quote. See
 * {@code hardware-sim/README.md}, section "Insurance seed".
 */
final class InsuranceSeedFile {
    static final String HEADER =
            "card_id,name,birth_date,sex,insurer,eligible_from,registered_on,share_treatment_and_medication,share_health_checkups";
    private static final String[] COLUMNS = HEADER.split(",");
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final int MAX_TEXT_LENGTH = 100;
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private InsuranceSeedFile() {
    }

    static List<SeedRow> read(Path file) {
        List<String> lines = lines(file);
        List<SeedRow> rows = new ArrayList<>();
        Map<String, Integer> lineOfCardId = new HashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new InsuranceSeedException(file, lineNumber, "expected the header line '" + HEADER + "'");
                }
                headerSeen = true;
                continue;
            }
            SeedRow row = new RowParser(file, lineNumber, line).parse();
            Integer earlier = lineOfCardId.putIfAbsent(row.person().cardId(), lineNumber);
            if (earlier != null) {
                throw new InsuranceSeedException(file, lineNumber,
                        "column 1 (card_id): expected a card id not used before, but line " + earlier + " has it too");
            }
            rows.add(row);
        }
        if (!headerSeen) {
            throw new InsuranceSeedException(file, 0, "expected the header line '" + HEADER + "', but the file has none");
        }
        return List.copyOf(rows);
    }

    private static List<String> lines(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InsuranceSeedException(file, 0,
                        "expected at most " + MAX_FILE_BYTES + " bytes, but the file has " + size);
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.lines().toList();
        } catch (CharacterCodingException e) {
            throw new InsuranceSeedException(file, 0, "expected UTF-8 text", e);
        } catch (IOException e) {
            throw new InsuranceSeedException(file, 0, "cannot read the file (" + e + ")", e);
        }
    }

    /** Parses one data line; every error names its column. */
    private static final class RowParser {
        private final Path file;
        private final int line;
        private final String[] fields;

        RowParser(Path file, int line, String text) {
            this.file = file;
            this.line = line;
            if (text.indexOf('"') >= 0) {
                throw new InsuranceSeedException(file, line, "expected unquoted fields, but the line has a '\"'");
            }
            this.fields = text.split(",", -1);
            if (fields.length != COLUMNS.length) {
                throw new InsuranceSeedException(file, line, "expected " + COLUMNS.length + " comma-separated columns ("
                        + HEADER + "), but found " + fields.length);
            }
        }

        SeedRow parse() {
            String cardId = field(0);
            if (!CARD_ID.matcher(cardId).matches()) {
                throw error(0, "expected a card id of 1 to 32 letters, digits or '-'");
            }
            String name = text(1);
            LocalDate birthDate = date(2);
            int sex = sexCode(3);
            String insurer = text(4);
            LocalDate eligibleFrom = date(5);
            InsuredPerson person = new InsuredPerson(cardId, name, birthDate, sex, insurer, eligibleFrom);
            if (field(6).isEmpty()) {
                if (!field(7).isEmpty() || !field(8).isEmpty()) {
                    throw error(field(7).isEmpty() ? 8 : 7, "expected empty, as registered_on is empty");
                }
                return new SeedRow(person, Optional.empty());
            }
            LocalDate registeredOn = date(6);
            Consents consents = new Consents(yesNo(7), yesNo(8));
            return new SeedRow(person, Optional.of(new RegistrationRecord(cardId, insurer, registeredOn, consents)));
        }

        private String field(int column) {
            return fields[column].strip();
        }

        private String text(int column) {
            String value = field(column);
            if (value.isEmpty() || value.length() > MAX_TEXT_LENGTH) {
                throw error(column, "expected text of 1 to " + MAX_TEXT_LENGTH + " characters");
            }
            return value;
        }

        private LocalDate date(int column) {
            try {
                return LocalDate.parse(field(column));
            } catch (DateTimeParseException e) {
                throw error(column, "expected a date as yyyy-MM-dd");
            }
        }

        private int sexCode(int column) {
            String value = field(column);
            if (value.length() == 1 && HolderClaims.isSexCode(value.charAt(0) - '0')) {
                return value.charAt(0) - '0';
            }
            throw error(column, "expected an ISO 5218 sex code: 0, 1, 2 or 9");
        }

        private boolean yesNo(int column) {
            return switch (field(column)) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw error(column, "expected 'yes' or 'no', as registered_on is set");
            };
        }

        private InsuranceSeedException error(int column, String expected) {
            return new InsuranceSeedException(file, line,
                    "column " + (column + 1) + " (" + COLUMNS[column] + "): " + expected);
        }
    }
}
