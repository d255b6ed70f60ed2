package org.pledgeworks.embeddedmongo;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How a collection's documents are stored in H2: as BSON, the server's own wire format. The stock
 * backend leaves them to H2's generic type, which falls back to Java serialization for a document;
 * in a fan-out's profile that was a quarter of the embedded server's CPU (docs/benchmarks.md).
 *
 * <p>Each value starts with a tag: {@link #BSON}, or the generic type's tag for a serialized object,
 * which a file written before (or by the stock backend) holds. Both are read; what is written is BSON,
 * so an old document turns into BSON the next time it changes. A document with an instant finer than
 * a millisecond (the server's own {@code $currentDate}; BSON dates hold milliseconds) stays Java-serialized.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Not a tag H2's generic type writes (its tags are 0 to 119). */
    static final byte BSON = (byte) 0xBD;

    private final ObjectDataType legacy = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        if (finerThanBson(document)) {
            // $currentDate's instants have sub-millisecond parts BSON dates drop; the index keys made from
            // this very document keep them, so it must read back exactly: Java-serialized, as before
            legacy.write(buffer, document);
            return;
        }
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        }
        finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        // BSON begins with its own length, little-endian (whatever order the buffer reads in)
        int at = buffer.position();
        int length = buffer.get(at) & 0xff | (buffer.get(at + 1) & 0xff) << 8 | (buffer.get(at + 2) & 0xff) << 16
                | (buffer.get(at + 3) & 0xff) << 24;
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private static boolean finerThanBson(Object value) {
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 != 0;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object element : map.values()) {
                if (finerThanBson(element)) {
                    return true;
                }
            }
        }
        else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (finerThanBson(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A rough size on the heap, for H2's page cache: H2 samples it, it need not be exact. */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
