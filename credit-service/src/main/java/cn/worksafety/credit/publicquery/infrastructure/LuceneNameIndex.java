package cn.worksafety.credit.publicquery.infrastructure;

import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.publicquery.application.NameIndex;
import cn.worksafety.credit.publicquery.model.Found;
import cn.worksafety.credit.publicquery.model.Hits;
import cn.worksafety.credit.publicquery.model.NameQuery;
import cn.worksafety.credit.publicquery.model.SearchText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The name index in Lucene, on disk (memory-mapped), so a million names cost the heap next to
 * nothing. Writes become searchable through a near-real-time searcher refreshed shortly after them
 * by a thread of its own, never by a query.
 *
 * <p>The order of what a search finds, in tiers: a code starting with what was typed; then a name
 * equal to it; one starting with it; one containing it. Within a tier, shorter names first (the
 * closer match), then by code. A blank search lists every enterprise by code.
 *
 * <p>Why tiers, each its own query, rather than one query whose score sorts them: the index is kept
 * sorted by name length and code, the order inside a tier, so the first few of a tier are read
 * without going through the rest. A short text typed into the search box ("有限", "91") matches
 * most of the million names; ranked by one score, every one of them would be scored and sorted for
 * each keystroke. Counting them all for the total is far cheaper than that.
 */
public class LuceneNameIndex implements NameIndex, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(LuceneNameIndex.class);
  private static final String USCC = "uscc";
  private static final String USCC_PREFIXES = "uscc_prefix";
  private static final String NAME = "name";
  private static final String REGION = "region";
  private static final String NAME_EQUAL = "name_equal";
  private static final String NAME_LENGTH = "name_length";
  private static final Set<String> SHOWN = Set.of(USCC, NAME, REGION);
  /** Marks the start of a name among its pairs; normalized text never carries it, so it matches only there. */
  private static final char START = '\u0002';
  /** The order inside a tier, and the order the index keeps its documents in. */
  private static final Sort IN_TIER = new Sort(new SortField(NAME_LENGTH, SortField.Type.INT),
      new SortField(USCC, SortField.Type.STRING));
  private static final Sort BY_CODE = new Sort(new SortField(USCC, SortField.Type.STRING));
  private static final FieldType CHARACTERS_ONLY = characterField();
  private final Path directory;
  private final boolean temporary;
  private final FSDirectory store;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final QueryBuilder grams = new QueryBuilder(new NameGrams());
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "name-index-refresh");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean changed = new AtomicBoolean();
  private volatile boolean searchable;

  /**
   * An empty index in {@code directory} (whatever it held is dropped: the index is rebuilt at each
   * start); a {@code temporary} directory is deleted when the index is closed.
   */
  public LuceneNameIndex(Path directory, boolean temporary, Duration refreshInterval) throws IOException {
    this.directory = directory;
    this.temporary = temporary;
    Files.createDirectories(directory);
    this.store = FSDirectory.open(directory);
    IndexWriterConfig config = new IndexWriterConfig(new NameGrams())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(32).setIndexSort(IN_TIER);
    this.writer = new IndexWriter(store, config);
    this.searchers = new SearcherManager(writer, null);
    long every = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshIfChanged, every, every, TimeUnit.MILLISECONDS);
    log.info("name index in {} ({}), {} ms from a write to its search", directory,
        store.getClass().getSimpleName(), every);
  }

  @Override
  public void put(List<RegisteredName> names) {
    try {
      for (RegisteredName name : names) {
        writer.updateDocument(new Term(USCC, name.uscc()), document(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the name index in " + directory, e);
    }
    changed.set(true);
  }

  @Override
  public void openForSearch() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searchable = true;
  }

  @Override
  public Hits search(NameQuery query, int offset, int limit) {
    return withSearcher(searcher -> {
      if (query.all()) {
        int total = searcher.getIndexReader().numDocs();
        return new Hits(found(searcher, top(searcher, new MatchAllDocsQuery(), BY_CODE, offset + limit), offset), total);
      }
      List<Found> page = new ArrayList<>(limit);
      long before = 0;
      for (Query tier : tiers(query)) {
        int count = searcher.count(tier);
        long end = offset + limit;
        if (page.size() < limit && before + count > offset) {
          int from = (int) Math.max(0, offset - before);
          int upTo = (int) Math.min(count, end - before);
          page.addAll(found(searcher, top(searcher, tier, IN_TIER, upTo), from));
        }
        before += count;
      }
      return new Hits(page, before);
    });
  }

  @Override
  public List<Found> suggest(NameQuery query, int limit) {
    return withSearcher(searcher -> {
      if (query.all()) {
        return found(searcher, top(searcher, new MatchAllDocsQuery(), BY_CODE, limit), 0);
      }
      List<Found> first = new ArrayList<>(limit);
      for (Query tier : tiers(query)) {
        if (first.size() == limit) {
          break;
        }
        first.addAll(found(searcher, top(searcher, tier, IN_TIER, limit - first.size()), 0));
      }
      return first;
    });
  }

  @Override
  public long size() {
    return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  /**
   * The first {@code howMany} in {@code order}. Nothing is counted beyond them: in the index's own
   * order each segment stops after its first {@code howMany}.
   */
  private static TopFieldDocs top(IndexSearcher searcher, Query query, Sort order, int howMany) throws IOException {
    int n = Math.max(1, howMany);
    return searcher.search(query, new TopFieldCollectorManager(order, n, null, n));
  }

  private static List<Found> found(IndexSearcher searcher, TopFieldDocs top, int from) throws IOException {
    StoredFields fields = searcher.storedFields();
    List<Found> found = new ArrayList<>(Math.max(0, top.scoreDocs.length - from));
    for (int i = from; i < top.scoreDocs.length; i++) {
      Document doc = fields.document(top.scoreDocs[i].doc, SHOWN);
      String region = doc.get(REGION);
      found.add(new Found(doc.get(USCC), doc.get(NAME), region.isEmpty() ? null : region));
    }
    return found;
  }

  /** The tiers of the class comment that {@code query} can match, best first, each without the ones before. */
  private List<Query> tiers(NameQuery query) {
    List<Query> ways = new ArrayList<>();
    query.usccPrefix().ifPresent(code -> ways.add(new TermQuery(new Term(USCC_PREFIXES, code))));
    String name = query.name();
    if (!name.isEmpty()) {
      ways.add(new TermQuery(new Term(NAME_EQUAL, name)));
      ways.add(grams.createPhraseQuery(NameGrams.PAIRS, START + name));
      ways.add(name.codePointCount(0, name.length()) == 1 ? new TermQuery(new Term(NameGrams.CHARACTERS, name))
          : grams.createPhraseQuery(NameGrams.PAIRS, name));
    }
    List<Query> tiers = new ArrayList<>(ways.size());
    for (int i = 0; i < ways.size(); i++) {
      BooleanQuery.Builder tier = new BooleanQuery.Builder().add(ways.get(i), BooleanClause.Occur.FILTER);
      ways.subList(0, i).forEach(better -> tier.add(better, BooleanClause.Occur.MUST_NOT));
      tiers.add(tier.build());
    }
    return tiers;
  }

  private static Document document(RegisteredName name) {
    String searched = SearchText.normalized(name.name());
    Document doc = new Document();
    doc.add(new StringField(USCC, name.uscc(), Field.Store.YES));
    doc.add(new SortedDocValuesField(USCC, new BytesRef(name.uscc())));
    for (int end = 1; end <= name.uscc().length(); end++) {
      doc.add(new StringField(USCC_PREFIXES, name.uscc().substring(0, end), Field.Store.NO));
    }
    doc.add(new StoredField(NAME, name.name()));
    doc.add(new StoredField(REGION, name.region() == null ? "" : name.region()));
    doc.add(new StringField(NAME_EQUAL, searched, Field.Store.NO));
    doc.add(new TextField(NameGrams.PAIRS, START + searched, Field.Store.NO));
    doc.add(new Field(NameGrams.CHARACTERS, searched, CHARACTERS_ONLY));
    doc.add(new NumericDocValuesField(NAME_LENGTH, searched.codePointCount(0, searched.length())));
    return doc;
  }

  private static FieldType characterField() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.freeze();
    return type;
  }

  private void refreshIfChanged() {
    if (searchable && changed.getAndSet(false)) {
      try {
        searchers.maybeRefresh();
      } catch (IOException | RuntimeException e) {
        changed.set(true);
        log.warn("name index: refresh failed, trying again: {}", e.toString());
      }
    }
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the name index in " + directory, e);
    }
  }

  @Override
  public void destroy() throws IOException, InterruptedException {
    // Not shutdownNow: an interrupt during the refresh's file I/O closes the channel in use, the
    // index's lock file among them, and the writer's close then fails.
    refresher.shutdown();
    refresher.awaitTermination(5, TimeUnit.SECONDS);
    searchers.close();
    writer.close();
    store.close();
    if (temporary) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
