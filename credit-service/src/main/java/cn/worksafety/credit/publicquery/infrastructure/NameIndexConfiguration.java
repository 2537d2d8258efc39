package cn.worksafety.credit.publicquery.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name index, a cache rebuilt at each start: in {@code app.search.index-dir} when it is set (a
 * directory of this replica's own; Lucene locks it), else in a temporary directory removed on
 * shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class NameIndexConfiguration {

  @Bean
  LuceneNameIndex nameIndex(@Value("${app.search.index-dir:}") String indexDir,
      @Value("${app.search.refresh-interval:250ms}") Duration refreshInterval) throws IOException {
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalStateException("app.search.refresh-interval must be positive, got " + refreshInterval);
    }
    boolean temporary = indexDir.isBlank();
    Path directory = temporary ? Files.createTempDirectory("credit-name-index-") : Path.of(indexDir);
    return new LuceneNameIndex(directory, temporary, refreshInterval);
  }
}
