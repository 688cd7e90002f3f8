package org.neighborshare.request.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransparencyCsvTest {

    @Test
    void everyFieldIsQuotedAndFormulasAreDefused() {
        assertEquals("\"plain\"", TransparencyCsv.field("plain"));
        assertEquals("\"say \"\"no\"\"\"", TransparencyCsv.field("say \"no\""));
        assertEquals("\"a,b\r\nc\"", TransparencyCsv.field("a,b\r\nc"));
        for (String formula : new String[] {"=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx"}) {
            assertEquals('"' + "'" + formula.replace("\"", "\"\"") + '"', TransparencyCsv.field(formula));
        }
        assertEquals("\"\"", TransparencyCsv.field(""));
    }
}
