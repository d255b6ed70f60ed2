package org.pledgeworks.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class IdEqualityTest {

    @Test
    void aCompareAndSetFilterNamesItsDocument() {
        Document filter = new Document("_id", "d-1").append("status", "SENDING").append("claim", "c-7");

        assertThat(IdEquality.of(filter, "_id")).contains("d-1");
        assertThat(IdEquality.of(new Document("status", "QUEUED").append("_id", 42L), "_id")).contains(42L);
        // Filters.and(eq("_id", …), eq("owner", …)) as the Java driver sends it
        assertThat(IdEquality.of(new Document("$and", List.of(new Document("_id", "m-1"), new Document("owner", "o"))),
                "_id")).contains("m-1");
    }

    @Test
    void whatTheServerPlansWellOrCannotNarrowToOneIdIsLeftToIt() {
        // _id alone: the _id index handles it as it is
        assertThat(IdEquality.of(new Document("_id", "d-1"), "_id")).isEmpty();
        // no _id, or _id by an operator, a pattern, a list or null: more than one document, or none by key
        assertThat(IdEquality.of(new Document("status", "SENT").append("claim", "c"), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("_id", new Document("$gt", "d-1")).append("status", "SENT"), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("_id", new Document("$in", List.of("a", "b"))).append("s", 1), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("_id", Pattern.compile("^d-")).append("s", 1), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("_id", new Document("$regex", "^d-")).append("s", 1), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("_id", List.of("a")).append("s", 1), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("_id", null).append("s", 1), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("$and", List.of(new Document("_id", new Document("$gt", "m")),
                new Document("owner", "o"))), "_id")).isEmpty();
        assertThat(IdEquality.of(new Document("$or", List.of(new Document("_id", "a"), new Document("_id", "b"))), "_id"))
                .isEmpty();
    }
}
