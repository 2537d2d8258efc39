package cn.worksafety.deploy.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The H2 file backend with documents and index keys kept as BSON bytes ({@link BsonH2Database}). */
public final class BsonH2Backend extends H2Backend {

  public BsonH2Backend(MVStore mvStore) {
    super(mvStore);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
  }
}
