package cn.worksafety.deploy.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Byte arrays as H2 map keys and values, written as they are and ordered byte by byte. A page of
 * them in H2's cache is a handful of arrays, not a graph of objects for the collector to copy.
 */
final class BytesType extends BasicDataType<byte[]> {
  static final BytesType INSTANCE = new BytesType();

  private BytesType() {}

  @Override
  public int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Override
  public int getMemory(byte[] bytes) {
    return 24 + bytes.length;
  }

  @Override
  public void write(WriteBuffer buffer, byte[] bytes) {
    buffer.putVarInt(bytes.length).put(bytes);
  }

  @Override
  public byte[] read(ByteBuffer buffer) {
    byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
    buffer.get(bytes);
    return bytes;
  }

  @Override
  public byte[][] createStorage(int size) {
    return new byte[size][];
  }
}
