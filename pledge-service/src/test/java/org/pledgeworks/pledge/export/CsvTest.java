package org.pledgeworks.pledge.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // what a spreadsheet would run as a formula is turned into text
            "=1+2|'=1+2",
            "+44 20 7946 0000|'+44 20 7946 0000",
            "-2+3|'-2+3",
            "@SUM(A1:A9)|'@SUM(A1:A9)",
            "=HYPERLINK(\"http://evil.test\")|\"'=HYPERLINK(\"\"http://evil.test\"\")\"",
            // RFC 4180: commas, quotes and line breaks quoted, quotes doubled
            "Ada Example|Ada Example",
            "Example, Ada|\"Example, Ada\"",
            "Ada \"The Count\"|\"Ada \"\"The Count\"\"\"",
            // characters inside a cell are harmless where they are not first
            "Ada=Example|Ada=Example",
            "ada+tag@example.org|ada+tag@example.org",
            "Zoë Ümlaut|Zoë Ümlaut",
    })
    void cellsAreQuotedAndFormulaSafe(String value, String expected) {
        assertThat(Csv.cell(value)).isEqualTo(expected);
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedAndLineBreaksAreQuoted() {
        assertThat(Csv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(Csv.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
        assertThat(Csv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void rowsAreCommaSeparatedAndEndInCrLf() throws IOException {
        StringWriter out = new StringWriter();
        Csv.writeRow(out, List.of("a", "b, c", ""));
        Csv.writeRow(out, Arrays.asList("=x", null, "y"));

        assertThat(out.toString()).isEqualTo("a,\"b, c\",\r\n'=x,,y\r\n");
    }
}
