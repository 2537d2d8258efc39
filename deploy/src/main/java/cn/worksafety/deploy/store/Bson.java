package cn.worksafety.deploy.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Documents and index keys as the bytes the store keeps, in BSON as on the wire (mongo-java-server's
 * own codec). An index key is each value as its BSON type byte and BSON value, an absent field as a
 * zero byte (no BSON type is zero), so two keys are the same key exactly when their bytes are equal.
 */
final class Bson {
  private static final byte ABSENT = 0;

  private Bson() {}

  static byte[] document(Document document) {
    return bytes(buffer -> BsonEncoder.encodeDocument(document, buffer));
  }

  static Document document(byte[] bytes) {
    return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
  }

  static byte[] key(KeyValue key) {
    return bytes(buffer -> {
      for (Object value : key) {
        if (value instanceof Missing) {
          buffer.writeByte(ABSENT);
        } else {
          byte type = BsonEncoder.determineType(value);
          buffer.writeByte(type);
          BsonEncoder.encodeValue(type, value, buffer);
        }
      }
    });
  }

  static KeyValue key(byte[] bytes) {
    ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
    List<Object> values = new ArrayList<>(1);
    while (buffer.isReadable()) {
      byte type = buffer.readByte();
      values.add(type == ABSENT ? Missing.getInstance() : BsonDecoder.decodeValue(type, buffer));
    }
    return new KeyValue(values);
  }

  private static byte[] bytes(Consumer<ByteBuf> encoder) {
    ByteBuf buffer = Unpooled.buffer(256);
    try {
      encoder.accept(buffer);
      return ByteBufUtil.getBytes(buffer);
    } finally {
      buffer.release();
    }
  }
}
