package cn.worksafety.credit.partner.infrastructure;

import com.rabbitmq.http.client.Client;
import com.rabbitmq.http.client.ClientParameters;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The RabbitMQ management HTTP API client; it connects only when first called. */
@Configuration(proxyBeanMethods = false)
class ManagementApiConfiguration {

  @Bean
  Client rabbitManagement(@Value("${app.partners.management.url}") String url,
      @Value("${app.partners.management.username}") String username,
      @Value("${app.partners.management.password}") String password)
      throws MalformedURLException, URISyntaxException {
    return new Client(new ClientParameters().url(url).username(username).password(password));
  }
}
