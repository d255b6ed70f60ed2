package org.pledgeworks.pledge.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows, made safe for spreadsheets. A cell that starts with {@code = + - @}, a tab or a
 * carriage return would be read as a formula by Excel, LibreOffice or Google Sheets (CSV injection,
 * OWASP): such a cell gets a leading {@code '}, which spreadsheets show as text. Then a cell with a
 * comma, quote, CR or LF is quoted, and its quotes doubled. Rows end in CRLF, as RFC 4180 says.
 */
final class Csv {

    private Csv() {
    }

    static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
